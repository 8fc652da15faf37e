package org.tumorboard.events;

import java.time.Instant;

/** Every work-up item of rps-reference.md section 2 is on record for the case. */
public record WorkupCompleted(String caseId, Instant completedAt) implements IntakeFact {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public WorkupCompleted {
        String self = "WorkupCompleted";
        PayloadChecks.required(self, "caseId", caseId);
    }
}
