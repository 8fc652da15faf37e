package org.tumorboard.events;

import java.util.List;

/**
 * A biopsy report was amended: the new version's histology, FNCLCC grade (G1, G2, G3 or GX; {@code score} null for GX)
 * alert codes and findings ({@link SpecimenFindings}, optional), so that staging re-stages and the board re-discusses.
 * Replaces {@link ReportAmended} for biopsies.
 */
public record BiopsyAmended(String caseId, String reportId, int version, String histology, String grade, Integer score,
        List<String> alerts, SpecimenFindings findings) implements ReportAmendment {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public BiopsyAmended {
        PayloadChecks.biopsy("BiopsyAmended", caseId, version, histology, grade, score, alerts);
        SpecimenFindings.check("BiopsyAmended", findings, grade, score);
    }

    public BiopsyAmended(String caseId, String reportId, int version, String histology, String grade, Integer score,
            List<String> alerts) {
        this(caseId, reportId, version, histology, grade, score, alerts, null);
    }
}
