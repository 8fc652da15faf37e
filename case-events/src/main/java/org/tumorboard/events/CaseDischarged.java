package org.tumorboard.events;

/** The surveillance schedule ended; the case is discharged. */
public record CaseDischarged(String caseId) implements BoardFact {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public CaseDischarged {
        String self = "CaseDischarged";
        PayloadChecks.required(self, "caseId", caseId);
    }
}
