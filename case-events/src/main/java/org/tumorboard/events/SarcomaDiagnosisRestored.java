package org.tumorboard.events;

/**
 * A report that had taken the case off the sarcoma pathway (histology NOT_SARCOMA) was amended back to a sarcoma
 * histology: the case returns to the pathway (rps-reference.md section 8; issue 19). {@code histology} is the amended
 * one. Every service follows it: intake's status, the board's agenda.
 */
public record SarcomaDiagnosisRestored(String caseId, String reportId, int version, String histology) implements CaseEventPayload {
}
