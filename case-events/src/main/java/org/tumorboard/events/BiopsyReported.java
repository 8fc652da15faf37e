package org.tumorboard.events;

import java.util.List;

/**
 * A biopsy report was posted. {@code grade} is the FNCLCC grade (G1, G2, G3 or GX; {@code score} null for GX);
 * {@code histology} one of the contract's histology values; {@code alerts} the alert codes raised with the report;
 * {@code findings} the component scores and markers behind it (optional, issue 23).
 */
public record BiopsyReported(String caseId, String reportId, int version, String histology, String grade, Integer score,
        List<String> alerts, SpecimenFindings findings) implements PathologyFact {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public BiopsyReported {
        PayloadChecks.biopsy("BiopsyReported", caseId, version, histology, grade, score, alerts);
        SpecimenFindings.check("BiopsyReported", findings, grade, score);
    }

    public BiopsyReported(String caseId, String reportId, int version, String histology, String grade, Integer score,
            List<String> alerts) {
        this(caseId, reportId, version, histology, grade, score, alerts, null);
    }

    public BiopsyReported(String caseId, String reportId, int version, String histology, String grade) {
        this(caseId, reportId, version, histology, grade, null, List.of());
    }
}
