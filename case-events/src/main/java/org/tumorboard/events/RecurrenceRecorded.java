package org.tumorboard.events;

import java.time.LocalDate;

/** A surveillance visit found a recurrence ({@code outcome}: LOCAL_RECURRENCE or DISTANT_METASTASIS). */
public record RecurrenceRecorded(String caseId, String outcome, LocalDate visitDate) implements CaseEventPayload {
}
