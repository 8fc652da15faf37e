package org.tumorboard.events;

import java.time.LocalDate;

/** The case was placed on a meeting's agenda. */
public record CaseScheduled(String caseId, String meetingId, LocalDate meetingDate) implements CaseEventPayload {
}
