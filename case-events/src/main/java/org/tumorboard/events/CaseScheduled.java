package org.tumorboard.events;

import java.time.LocalDate;

/** The case was placed on a meeting's agenda. */
public record CaseScheduled(String caseId, String meetingId, LocalDate meetingDate) implements BoardFact {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public CaseScheduled {
        String self = "CaseScheduled";
        PayloadChecks.required(self, "caseId", caseId);
    }
}
