package org.tumorboard.intake;

/** The case pathway of rps-reference.md section 1, in pathway order; side exits last. */
public enum CaseStatus {
    REFERRED, WORKUP, BIOPSY, DIAGNOSED, STAGED, BOARD_SCHEDULED, PLAN_DECIDED, NEOADJUVANT, SURGERY,
    SURVEILLANCE, RECURRENCE, DISCHARGED, NOT_SARCOMA, UNRESECTABLE, WITHDRAWN
}
