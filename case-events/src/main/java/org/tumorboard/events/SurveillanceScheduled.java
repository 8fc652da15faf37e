package org.tumorboard.events;

import java.time.LocalDate;

/** The case entered surveillance; {@code firstVisitDue} is the first visit's due date. */
public record SurveillanceScheduled(String caseId, LocalDate firstVisitDue) implements BoardFact {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public SurveillanceScheduled {
        String self = "SurveillanceScheduled";
        PayloadChecks.required(self, "caseId", caseId);
    }
}
