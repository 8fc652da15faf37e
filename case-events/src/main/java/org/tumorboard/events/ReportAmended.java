package org.tumorboard.events;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A report was amended: a new version with its new values, so that staging re-stages and the board re-discusses.
 * {@code reportKind} is BIOPSY (histology, grade) or RESECTION (margin, size, nodes).
 * <p>
 * Superseded by {@link BiopsyAmended} and {@link ResectionAmended} (one type per report kind): pathology publishes this
 * one beside them, and consumers accept both, until no deployed consumer reads only this one (architecture.md,
 * evolution).
 */
public record ReportAmended(String caseId, String reportId, int version, String reportKind, String histology, String grade,
        String margin, BigDecimal greatestDimensionCm, Integer nodesExamined, Integer nodesPositive) implements PathologyFact {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public ReportAmended {
        String self = "ReportAmended";
        PayloadChecks.required(self, "caseId", caseId);
        PayloadChecks.range(self, "version", version, 1, Integer.MAX_VALUE);
        PayloadChecks.oneOf(self, "reportKind", reportKind, Vocabulary.Pathology.REPORT_KINDS);
        PayloadChecks.oneOf(self, "histology", histology, Vocabulary.Pathology.HISTOLOGIES);
        PayloadChecks.oneOf(self, "grade", grade, PayloadChecks.GRADES);
        PayloadChecks.oneOf(self, "margin", margin, Vocabulary.Pathology.MARGINS);
        PayloadChecks.sizeCm(self, "greatestDimensionCm", greatestDimensionCm);
        PayloadChecks.nodes(self, nodesExamined, nodesPositive);
    }

    public ReportAmended(String caseId, String reportId, int version, String reportKind, String histology, String grade) {
        this(caseId, reportId, version, reportKind, histology, grade, null, null, null, null);
    }

    public static final String BIOPSY = "BIOPSY";
    public static final String RESECTION = "RESECTION";

    /**
     * The same amendment as the event that replaces this one: a {@link ResectionAmended} for a RESECTION, else a
     * {@link BiopsyAmended}. Consumers handle both types through it while producers publish both.
     */
    @JsonIgnore
    public ReportAmendment asSpecificAmendment() {
        return RESECTION.equals(reportKind)
                ? new ResectionAmended(caseId, reportId, version, margin, greatestDimensionCm, nodesExamined, nodesPositive, null)
                : new BiopsyAmended(caseId, reportId, version, histology, grade, null, java.util.List.of());
    }
}
