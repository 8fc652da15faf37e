package org.tumorboard.events;

/** A coordinator withdrew the case; the reason is free text written by staff, never patient identity. */
public record CaseWithdrawn(String caseId, String reason) implements IntakeFact {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public CaseWithdrawn {
        String self = "CaseWithdrawn";
        PayloadChecks.required(self, "caseId", caseId);
    }
}
