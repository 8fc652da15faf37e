package org.tumorboard.pathology.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorboard.pathology.Histology;

/** rps-reference.md section 8, FNCLCC differentiation score by histologic type: every row and every score. */
class DifferentiationFitTest {

    @ParameterizedTest(name = "{0} scored {1}: warning {2}")
    @CsvSource({
            "WELL_DIFFERENTIATED_LIPOSARCOMA, 1, false",
            "WELL_DIFFERENTIATED_LIPOSARCOMA, 2, true",
            "WELL_DIFFERENTIATED_LIPOSARCOMA, 3, true",
            "DEDIFFERENTIATED_LIPOSARCOMA, 1, true",
            "DEDIFFERENTIATED_LIPOSARCOMA, 2, true",
            "DEDIFFERENTIATED_LIPOSARCOMA, 3, false",
            "UNDIFFERENTIATED_PLEOMORPHIC_SARCOMA, 1, true",
            "UNDIFFERENTIATED_PLEOMORPHIC_SARCOMA, 2, true",
            "UNDIFFERENTIATED_PLEOMORPHIC_SARCOMA, 3, false",
            // by sub-type: no single expected score
            "LEIOMYOSARCOMA, 1, false",
            "LEIOMYOSARCOMA, 2, false",
            "LEIOMYOSARCOMA, 3, false",
            "MPNST, 1, false",
            "MPNST, 2, false",
            "MPNST, 3, false",
            // not checked
            "SOLITARY_FIBROUS_TUMOR, 1, false",
            "SOLITARY_FIBROUS_TUMOR, 3, false",
            "OTHER_SARCOMA, 2, false",
            "NOT_SARCOMA, 1, false" })
    void theScoreMustFitTheType(Histology histology, int differentiation, boolean warning) {
        var alert = DifferentiationFit.check(histology, differentiation);
        assertEquals(warning, alert.isPresent());
        alert.ifPresent(a -> {
            assertEquals(PathologyAlerts.Code.DIFFERENTIATION_UNEXPECTED_FOR_HISTOLOGY, a.code());
            assertEquals(PathologyAlerts.Severity.WARNING, a.severity(), "a warning: the pathologist may be right");
            assertTrue(a.message().contains("differentiation " + differentiation) && a.message().contains(histology.name()),
                    a.message());
        });
    }

    @Test
    void aMissingScoreIsTheGradesConcernNotThisOne() {
        for (Histology h : Histology.values()) {
            assertTrue(DifferentiationFit.check(h, null).isEmpty(), h.name());
        }
    }

    @Test
    void everyHistologyIsDecidedOn() {
        // A histology added to the contract must be placed in the table above (a single score, by sub-type, or unchecked).
        assertEquals(EnumSet.allOf(Histology.class), EnumSet.of(Histology.WELL_DIFFERENTIATED_LIPOSARCOMA,
                Histology.DEDIFFERENTIATED_LIPOSARCOMA, Histology.UNDIFFERENTIATED_PLEOMORPHIC_SARCOMA, Histology.LEIOMYOSARCOMA,
                Histology.MPNST, Histology.SOLITARY_FIBROUS_TUMOR, Histology.OTHER_SARCOMA, Histology.NOT_SARCOMA));
    }
}
