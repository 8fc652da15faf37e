package org.tumorboard.events;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A resection report was posted: margin (R0, R1, R2), the specimen's greatest dimension and nodes (staging's
 * pathologic inputs), and the chance that sampling missed an involved margin. Where the specimen was re-assessed,
 * its {@code histology} and FNCLCC {@code grade} (null when the report does not give them), the
 * {@code treatmentEffectPercent} (viable tumor after neoadjuvant therapy), the report's alert codes and its findings
 * ({@link SpecimenFindings}, optional)
 * (rps-reference.md section 8, "Which grade and histology stage the case").
 */
public record ResectionReported(String caseId, String reportId, int version, String margin, BigDecimal greatestDimensionCm,
        Integer nodesExamined, Integer nodesPositive, BigDecimal marginMissProbability, String histology, String grade,
        BigDecimal treatmentEffectPercent, List<String> alerts, SpecimenFindings findings) implements PathologyFact {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public ResectionReported {
        PayloadChecks.resection("ResectionReported", caseId, version, margin, greatestDimensionCm, nodesExamined, nodesPositive,
                marginMissProbability, histology, grade, treatmentEffectPercent, alerts);
        SpecimenFindings.check("ResectionReported", findings, grade, null);
    }

    public ResectionReported(String caseId, String reportId, int version, String margin, BigDecimal greatestDimensionCm,
            Integer nodesExamined, Integer nodesPositive, BigDecimal marginMissProbability, String histology, String grade,
            BigDecimal treatmentEffectPercent, List<String> alerts) {
        this(caseId, reportId, version, margin, greatestDimensionCm, nodesExamined, nodesPositive, marginMissProbability,
                histology, grade, treatmentEffectPercent, alerts, null);
    }

    public ResectionReported(String caseId, String reportId, int version, String margin, BigDecimal greatestDimensionCm,
            Integer nodesExamined, Integer nodesPositive, BigDecimal marginMissProbability) {
        this(caseId, reportId, version, margin, greatestDimensionCm, nodesExamined, nodesPositive, marginMissProbability, null,
                null, null, null);
    }

    public ResectionReported(String caseId, String reportId, int version, String margin) {
        this(caseId, reportId, version, margin, null, null, null, null);
    }

    /** Gross residual disease left behind: margin R2. */
    @JsonIgnore
    public boolean grossResidual() {
        return Margins.isGrossResidual(margin);
    }
}
