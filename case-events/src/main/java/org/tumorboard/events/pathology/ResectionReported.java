package org.tumorboard.events.pathology;

import java.math.BigDecimal;

/**
 * A resection report was posted: margin (R0, R1, R2), the specimen's greatest dimension and nodes (staging's
 * pathologic inputs), and the chance that sampling missed an involved margin.
 */
public record ResectionReported(String caseId, String reportId, int version, String margin, BigDecimal greatestDimensionCm,
        Integer nodesExamined, Integer nodesPositive, BigDecimal marginMissProbability) {

    public ResectionReported(String caseId, String reportId, int version, String margin) {
        this(caseId, reportId, version, margin, null, null, null, null);
    }
}
