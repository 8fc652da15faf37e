package org.tumorboard.events;

/**
 * A report that had taken the case off the sarcoma pathway (histology NOT_SARCOMA) was amended back to a sarcoma
 * histology: the case returns to the pathway (rps-reference.md section 8; issue 19). {@code histology} is the amended
 * one. Every service follows it: intake's status, the board's agenda.
 */
public record SarcomaDiagnosisRestored(String caseId, String reportId, int version, String histology) implements PathologyFact {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public SarcomaDiagnosisRestored {
        String self = "SarcomaDiagnosisRestored";
        PayloadChecks.required(self, "caseId", caseId);
        PayloadChecks.oneOf(self, "histology", histology, Vocabulary.Pathology.HISTOLOGIES);
    }
}
