package org.tumorboard.board;

/** What a surveillance visit found. */
public enum VisitOutcome {
    NO_EVIDENCE_OF_DISEASE, LOCAL_RECURRENCE, DISTANT_METASTASIS
}
