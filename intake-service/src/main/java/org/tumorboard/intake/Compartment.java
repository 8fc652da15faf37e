package org.tumorboard.intake;

/** Retroperitoneal compartment of the tumor (rps-reference.md section 2). */
public enum Compartment {
    ANTERIOR_PARARENAL, PERIRENAL, POSTERIOR_PARARENAL
}
