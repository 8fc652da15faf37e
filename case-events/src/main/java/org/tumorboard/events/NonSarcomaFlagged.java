package org.tumorboard.events;

import java.util.List;

/** Pathology found a non-sarcoma (histology or a positive marker); the case leaves the sarcoma pathway. */
public record NonSarcomaFlagged(String caseId, String reportId, List<String> findings) implements CaseEventPayload {
}
