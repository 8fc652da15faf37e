package org.tumorboard.events;

import java.util.List;

/**
 * A report's histology is NOT_SARCOMA: the case leaves the sarcoma pathway ({@code findings} say why, markers
 * included). A not-sarcoma marker under a sarcoma histology is a discordance alert on the report, never this event
 * (rps-reference.md section 8, issue 19).
 */
public record NonSarcomaFlagged(String caseId, String reportId, List<String> findings) implements PathologyFact {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public NonSarcomaFlagged {
        String self = "NonSarcomaFlagged";
        PayloadChecks.required(self, "caseId", caseId);
        PayloadChecks.codes(self, "findings", findings);
    }
}
