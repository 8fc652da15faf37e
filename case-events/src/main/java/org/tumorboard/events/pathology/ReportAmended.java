package org.tumorboard.events.pathology;

import java.math.BigDecimal;

/**
 * A report was amended: a new version with its new values, so that staging re-stages and the board re-discusses.
 * {@code reportKind} is BIOPSY (histology, grade) or RESECTION (margin, size, nodes).
 */
public record ReportAmended(String caseId, String reportId, int version, String reportKind, String histology, String grade,
        String margin, BigDecimal greatestDimensionCm, Integer nodesExamined, Integer nodesPositive) {

    public ReportAmended(String caseId, String reportId, int version, String reportKind, String histology, String grade) {
        this(caseId, reportId, version, reportKind, histology, grade, null, null, null, null);
    }
}
