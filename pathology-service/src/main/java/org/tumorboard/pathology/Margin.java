package org.tumorboard.pathology;

/** Resection margin (rps-reference.md section 3): R0 none at the inked margin, R1 microscopic, R2 gross residual. */
public enum Margin {
    R0, R1, R2
}
