package org.tumorboard.events;

/**
 * Which histology and grade govern a case once a resection specimen has been reported, rps-reference.md section 8
 * ("Which grade and histology stage the case"): the specimen's histology when it gives one, else the biopsy's. The
 * grade: after neoadjuvant therapy the pre-treatment biopsy's (therapy changes the grading components: CAP, yp
 * staging); otherwise the specimen's when it gives a known one (G1-G3); when the specimen changes the histology without
 * a known grade, the grade is not known (GX: never the grade of the other diagnosis, so a well-differentiated
 * liposarcoma found dedifferentiated is not followed as G1); else the biopsy's. A histology that is not sarcoma has no
 * grade. Staging stages by it, the board follows the patient by it, pathology flags the case by its histology.
 *
 * @param histologySource where {@code histology} comes from (null when neither report gave one)
 * @param gradeSource     where {@code grade} comes from (null when there is none)
 */
public record PathologyOfRecord(String histology, Source histologySource, String grade, Source gradeSource) {

    public enum Source {
        BIOPSY, SPECIMEN
    }

    /**
     * @param biopsyHistology   the biopsy's histology, null before a biopsy report
     * @param biopsyGrade       the biopsy's grade (G1, G2, G3, GX), null before a biopsy report or for a non-sarcoma
     * @param specimenHistology the resection specimen's histology, null when the resection report does not give one
     * @param specimenGrade     the specimen's grade, null when the resection report does not give one
     * @param afterNeoadjuvant  neoadjuvant therapy preceded the resection
     */
    public static PathologyOfRecord of(String biopsyHistology, String biopsyGrade, String specimenHistology, String specimenGrade,
            boolean afterNeoadjuvant) {
        boolean specimenHistologyGiven = specimenHistology != null;
        String histology = specimenHistologyGiven ? specimenHistology : biopsyHistology;
        Source histologySource = specimenHistologyGiven ? Source.SPECIMEN : biopsyHistology == null ? null : Source.BIOPSY;
        if (NOT_SARCOMA.equals(histology)) {
            return new PathologyOfRecord(histology, histologySource, null, null);
        }
        if (afterNeoadjuvant) {
            return new PathologyOfRecord(histology, histologySource, biopsyGrade, biopsyGrade == null ? null : Source.BIOPSY);
        }
        boolean specimenGradeKnown = Grades.knownHighGrade(specimenGrade) || Grades.knownLowGrade(specimenGrade);
        boolean histologyChanged = specimenHistologyGiven && !specimenHistology.equals(biopsyHistology);
        if (specimenGradeKnown || specimenGrade != null && (histologyChanged || biopsyGrade == null)) {
            return new PathologyOfRecord(histology, histologySource, specimenGrade, Source.SPECIMEN);
        }
        if (histologyChanged) {
            return new PathologyOfRecord(histology, histologySource, Grades.GX, Source.SPECIMEN);
        }
        return new PathologyOfRecord(histology, histologySource, biopsyGrade, biopsyGrade == null ? null : Source.BIOPSY);
    }

    /** The histology pathology reports when the tumour is not a sarcoma (the contract's value). */
    public static final String NOT_SARCOMA = "NOT_SARCOMA";
}
