package org.tumorboard.events;

/** The surveillance schedule ended; the case is discharged. */
public record CaseDischarged(String caseId) implements CaseEventPayload {
}
