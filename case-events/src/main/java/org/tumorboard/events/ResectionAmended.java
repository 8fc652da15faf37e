package org.tumorboard.events;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A resection report was amended: the new version's margin, specimen size and nodes (staging's pathologic inputs) and
 * the chance that sampling missed an involved margin. Replaces {@link ReportAmended} for resections.
 */
public record ResectionAmended(String caseId, String reportId, int version, String margin, BigDecimal greatestDimensionCm,
        Integer nodesExamined, Integer nodesPositive, BigDecimal marginMissProbability) implements CaseEventPayload {

    /** Gross residual disease left behind: margin R2. */
    @JsonIgnore
    public boolean grossResidual() {
        return Margins.isGrossResidual(margin);
    }
}
