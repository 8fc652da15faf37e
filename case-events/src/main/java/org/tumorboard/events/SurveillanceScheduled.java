package org.tumorboard.events;

import java.time.LocalDate;

/** The case entered surveillance; {@code firstVisitDue} is the first visit's due date. */
public record SurveillanceScheduled(String caseId, LocalDate firstVisitDue) implements CaseEventPayload {
}
