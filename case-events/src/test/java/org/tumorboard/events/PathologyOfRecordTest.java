package org.tumorboard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorboard.events.PathologyOfRecord.Source;

/** rps-reference.md section 8, "Which grade and histology stage the case": every row and its boundaries. */
class PathologyOfRecordTest {

    @ParameterizedTest(name = "biopsy {0} {1}, specimen {2} {3}, neoadjuvant {4} -> {5} ({6}) {7} ({8})")
    @CsvSource(nullValues = "-", value = {
            // before the resection: the biopsy
            "LEIOMYOSARCOMA,                  G2, -,                               -,  false, LEIOMYOSARCOMA,                  BIOPSY,   G2, BIOPSY",
            // the specimen re-assessed, no prior therapy: its histology and grade (the WDLPS found dedifferentiated)
            "WELL_DIFFERENTIATED_LIPOSARCOMA, G1, DEDIFFERENTIATED_LIPOSARCOMA,    G3, false, DEDIFFERENTIATED_LIPOSARCOMA,    SPECIMEN, G3, SPECIMEN",
            "LEIOMYOSARCOMA,                  G3, LEIOMYOSARCOMA,                  G1, false, LEIOMYOSARCOMA,                  SPECIMEN, G1, SPECIMEN",
            // the specimen changes the histology without a grade: the grade is not known (never the other diagnosis's G1)
            "WELL_DIFFERENTIATED_LIPOSARCOMA, G1, DEDIFFERENTIATED_LIPOSARCOMA,    -,  false, DEDIFFERENTIATED_LIPOSARCOMA,    SPECIMEN, GX, SPECIMEN",
            "WELL_DIFFERENTIATED_LIPOSARCOMA, G1, DEDIFFERENTIATED_LIPOSARCOMA,    GX, false, DEDIFFERENTIATED_LIPOSARCOMA,    SPECIMEN, GX, SPECIMEN",
            // the specimen confirms the histology without a grade: the biopsy's grade stands
            "LEIOMYOSARCOMA,                  G2, LEIOMYOSARCOMA,                  -,  false, LEIOMYOSARCOMA,                  SPECIMEN, G2, BIOPSY",
            // grade alone from the specimen
            "LEIOMYOSARCOMA,                  G2, -,                               G3, false, LEIOMYOSARCOMA,                  BIOPSY,   G3, SPECIMEN",
            // a specimen grade that could not be assessed (GX) does not replace a known one, and stands when there is none
            "LEIOMYOSARCOMA,                  G2, LEIOMYOSARCOMA,                  GX, false, LEIOMYOSARCOMA,                  SPECIMEN, G2, BIOPSY",
            "-,                               -,  LEIOMYOSARCOMA,                  GX, false, LEIOMYOSARCOMA,                  SPECIMEN, GX, SPECIMEN",
            "LEIOMYOSARCOMA,                  GX, LEIOMYOSARCOMA,                  G3, false, LEIOMYOSARCOMA,                  SPECIMEN, G3, SPECIMEN",
            // after neoadjuvant therapy (yp): the pre-treatment grade, whatever the specimen says; its histology still counts
            "DEDIFFERENTIATED_LIPOSARCOMA,    G3, DEDIFFERENTIATED_LIPOSARCOMA,    G1, true,  DEDIFFERENTIATED_LIPOSARCOMA,    SPECIMEN, G3, BIOPSY",
            "LEIOMYOSARCOMA,                  G2, -,                               G3, true,  LEIOMYOSARCOMA,                  BIOPSY,   G2, BIOPSY",
            "-,                               -,  LEIOMYOSARCOMA,                  G3, true,  LEIOMYOSARCOMA,                  SPECIMEN, -,  -",
            // a resection without a biopsy
            "-,                               -,  LEIOMYOSARCOMA,                  G3, false, LEIOMYOSARCOMA,                  SPECIMEN, G3, SPECIMEN",
            // not sarcoma: no grade, from either report
            "LEIOMYOSARCOMA,                  G2, NOT_SARCOMA,                     -,  false, NOT_SARCOMA,                     SPECIMEN, -,  -",
            "NOT_SARCOMA,                     -,  -,                               -,  false, NOT_SARCOMA,                     BIOPSY,   -,  -",
            "NOT_SARCOMA,                     -,  -,                               -,  true,  NOT_SARCOMA,                     BIOPSY,   -,  -",
            // nothing known yet
            "-,                               -,  -,                               -,  false, -,                               -,        -,  -",
    })
    void governs(String biopsyHistology, String biopsyGrade, String specimenHistology, String specimenGrade, boolean neoadjuvant,
            String histology, Source histologySource, String grade, Source gradeSource) {
        assertEquals(new PathologyOfRecord(histology, histologySource, grade, gradeSource),
                PathologyOfRecord.of(biopsyHistology, biopsyGrade, specimenHistology, specimenGrade, neoadjuvant));
    }
}
