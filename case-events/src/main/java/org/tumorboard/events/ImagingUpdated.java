package org.tumorboard.events;

import java.math.BigDecimal;

/**
 * The coordinator replaced the case's imaging findings; staging re-reads size, nodes and distant lesions, the board
 * the findings resectability and concordance depend on ({@code imaging}, null from older producers).
 */
public record ImagingUpdated(
        String caseId,
        BigDecimal greatestDimensionCm,
        Boolean suspiciousNodes,
        Boolean distantLesions,
        java.util.List<String> missingWorkup,
        ResectabilityImaging imaging,
        Boolean biopsyIndicated) implements IntakeFact {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public ImagingUpdated {
        String self = "ImagingUpdated";
        PayloadChecks.required(self, "caseId", caseId);
        PayloadChecks.sizeCm(self, "greatestDimensionCm", greatestDimensionCm);
    }

    public ImagingUpdated(String caseId, BigDecimal greatestDimensionCm, Boolean suspiciousNodes, Boolean distantLesions,
            java.util.List<String> missingWorkup) {
        this(caseId, greatestDimensionCm, suspiciousNodes, distantLesions, missingWorkup, null, null);
    }

    public ImagingUpdated(String caseId, BigDecimal greatestDimensionCm, Boolean suspiciousNodes, Boolean distantLesions,
            java.util.List<String> missingWorkup, ResectabilityImaging imaging) {
        this(caseId, greatestDimensionCm, suspiciousNodes, distantLesions, missingWorkup, imaging, null);
    }
}
