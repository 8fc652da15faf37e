package org.tumorboard.events;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A surveillance visit was recorded, whatever it found ({@code outcome}: NO_EVIDENCE_OF_DISEASE, LOCAL_RECURRENCE or
 * DISTANT_METASTASIS), so that read models know the disease status at each visit (issue 23, CancerDiseaseStatus). A
 * recurrence is also published as {@link RecurrenceRecorded}, which is what sends the case back to the board.
 *
 * @param number the visit's number in the case's schedule (1 for the first; an unscheduled one after discharge is numbered
 *               after the schedule)
 */
public record VisitRecorded(String caseId, int number, LocalDate visitDate, String outcome) implements BoardFact {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public VisitRecorded {
        String self = "VisitRecorded";
        PayloadChecks.required(self, "caseId", caseId);
        PayloadChecks.range(self, "number", number, 1, 1_000);
        PayloadChecks.required(self, "visitDate", visitDate);
        PayloadChecks.required(self, "outcome", outcome);
        PayloadChecks.oneOf(self, "outcome", outcome, Vocabulary.Board.VISIT_OUTCOMES);
    }

    /** The visit found no evidence of disease. */
    @JsonIgnore
    public boolean clear() {
        return "NO_EVIDENCE_OF_DISEASE".equals(outcome);
    }
}
