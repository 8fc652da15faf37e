package org.tumorboard.events;

import java.time.Instant;
import java.util.List;

/**
 * Work-up that was complete is incomplete again (rps-reference.md section 8, chest imaging): a grade that is not G1
 * arrived or replaced G1 on a case whose chest was imaged by radiograph only, so a chest CT is needed. {@code missing}
 * names the items (CHEST_CT); the case is not ready for the board until a new {@link WorkupCompleted}.
 */
public record WorkupReopened(String caseId, List<String> missing, String grade, Instant reopenedAt) implements IntakeFact {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public WorkupReopened {
        String self = "WorkupReopened";
        PayloadChecks.required(self, "caseId", caseId);
        PayloadChecks.oneOf(self, "grade", grade, PayloadChecks.GRADES);
        PayloadChecks.codes(self, "missing", missing);
    }
}
