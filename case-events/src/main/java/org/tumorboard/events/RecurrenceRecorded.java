package org.tumorboard.events;

import java.time.LocalDate;

/** A surveillance visit found a recurrence ({@code outcome}: LOCAL_RECURRENCE or DISTANT_METASTASIS). */
public record RecurrenceRecorded(String caseId, String outcome, LocalDate visitDate) implements BoardFact {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public RecurrenceRecorded {
        String self = "RecurrenceRecorded";
        PayloadChecks.required(self, "caseId", caseId);
        PayloadChecks.oneOf(self, "outcome", outcome, Vocabulary.Board.VISIT_OUTCOMES);
    }
}
