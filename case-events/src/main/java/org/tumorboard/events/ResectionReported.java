package org.tumorboard.events;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A resection report was posted: margin (R0, R1, R2), the specimen's greatest dimension and nodes (staging's
 * pathologic inputs), and the chance that sampling missed an involved margin.
 */
public record ResectionReported(String caseId, String reportId, int version, String margin, BigDecimal greatestDimensionCm,
        Integer nodesExamined, Integer nodesPositive, BigDecimal marginMissProbability) implements CaseEventPayload {

    public ResectionReported(String caseId, String reportId, int version, String margin) {
        this(caseId, reportId, version, margin, null, null, null, null);
    }

    /** Gross residual disease left behind: margin R2. */
    @JsonIgnore
    public boolean grossResidual() {
        return Margins.isGrossResidual(margin);
    }
}
