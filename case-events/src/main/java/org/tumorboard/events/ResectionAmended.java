package org.tumorboard.events;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A resection report was amended: the new version's margin, specimen size and nodes (staging's pathologic inputs),
 * the chance that sampling missed an involved margin, and the specimen's histology, grade, treatment effect and alert
 * codes and findings as {@link ResectionReported} carries them. Replaces {@link ReportAmended} for resections.
 */
public record ResectionAmended(String caseId, String reportId, int version, String margin, BigDecimal greatestDimensionCm,
        Integer nodesExamined, Integer nodesPositive, BigDecimal marginMissProbability, String histology, String grade,
        BigDecimal treatmentEffectPercent, List<String> alerts, SpecimenFindings findings) implements ReportAmendment {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public ResectionAmended {
        PayloadChecks.resection("ResectionAmended", caseId, version, margin, greatestDimensionCm, nodesExamined, nodesPositive,
                marginMissProbability, histology, grade, treatmentEffectPercent, alerts);
        SpecimenFindings.check("ResectionAmended", findings, grade, null);
    }

    public ResectionAmended(String caseId, String reportId, int version, String margin, BigDecimal greatestDimensionCm,
            Integer nodesExamined, Integer nodesPositive, BigDecimal marginMissProbability, String histology, String grade,
            BigDecimal treatmentEffectPercent, List<String> alerts) {
        this(caseId, reportId, version, margin, greatestDimensionCm, nodesExamined, nodesPositive, marginMissProbability,
                histology, grade, treatmentEffectPercent, alerts, null);
    }

    public ResectionAmended(String caseId, String reportId, int version, String margin, BigDecimal greatestDimensionCm,
            Integer nodesExamined, Integer nodesPositive, BigDecimal marginMissProbability) {
        this(caseId, reportId, version, margin, greatestDimensionCm, nodesExamined, nodesPositive, marginMissProbability, null,
                null, null, null);
    }

    /** Gross residual disease left behind: margin R2. */
    @JsonIgnore
    public boolean grossResidual() {
        return Margins.isGrossResidual(margin);
    }
}
