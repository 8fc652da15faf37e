package org.tumorboard.board;

/** Board members' disciplines, from the token's {@code discipline} claim (architecture.md, Security). */
public enum Discipline {
    SURGERY, RADIOLOGY, PATHOLOGY, MEDICAL_ONCOLOGY, RADIATION_ONCOLOGY
}
