package org.tumorboard.events;

import java.math.BigDecimal;

/** The coordinator replaced the case's imaging findings; staging re-reads size, nodes and distant lesions. */
public record ImagingUpdated(
        String caseId,
        BigDecimal greatestDimensionCm,
        Boolean suspiciousNodes,
        Boolean distantLesions,
        java.util.List<String> missingWorkup) implements CaseEventPayload {
}
