package org.tumorboard.pathology.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorboard.pathology.Histology;
import org.tumorboard.pathology.Margin;
import org.tumorboard.pathology.Marker;
import org.tumorboard.pathology.MarkerResult;
import org.tumorboard.pathology.SpecimenType;
import org.tumorboard.platform.failure.InvalidInput;

/**
 * rps-reference.md section 8: a non-sarcoma gets no FNCLCC grade; a sarcoma biopsy needs the FNCLCC components; a
 * resection specimen's histology, grade and markers follow the biopsy's rules, each part optional.
 */
class SpecimenDiagnosisTest {

    private static final BiopsyReportCommand.Fnclcc G3 = new BiopsyReportCommand.Fnclcc(3, 25, BigDecimal.valueOf(60));
    private static final BiopsyReportCommand.Fnclcc G1 = new BiopsyReportCommand.Fnclcc(1, 2, BigDecimal.ZERO);

    @ParameterizedTest(name = "biopsy {0} with FNCLCC {1} -> grade {2}, alerts {3}")
    @CsvSource(nullValues = "-", value = {
            "DEDIFFERENTIATED_LIPOSARCOMA,    G3, G3, LIPOSARCOMA_WITHOUT_MDM2_CDK4_TEST",
            "LEIOMYOSARCOMA,                  G1, G1, -",
            "WELL_DIFFERENTIATED_LIPOSARCOMA, G3, G3, LIPOSARCOMA_WITHOUT_MDM2_CDK4_TEST DIFFERENTIATION_UNEXPECTED_FOR_HISTOLOGY",
            // not a sarcoma: no grade, with or without components (given ones are named as not applicable)
            "NOT_SARCOMA,                     G3, -,  NOT_SARCOMA_HISTOLOGY FNCLCC_NOT_APPLICABLE",
            "NOT_SARCOMA,                     -,  -,  NOT_SARCOMA_HISTOLOGY",
            "NOT_SARCOMA,                     EMPTY, -, NOT_SARCOMA_HISTOLOGY",
            // a sarcoma with no component assessable is GX
            "LEIOMYOSARCOMA,                  EMPTY, GX, -",
    })
    void biopsy(Histology histology, String fnclcc, String grade, String alerts) {
        ReportService.BiopsyResult result = ReportService.evaluate(new BiopsyReportCommand(SpecimenType.CORE_NEEDLE, histology,
                List.of(), null, fnclcc(fnclcc)));
        assertEquals(grade, result.grade() == null ? null : result.grade().grade().name());
        assertEquals(alerts == null ? List.of() : List.of(alerts.split(" ")),
                result.alerts().stream().map(a -> a.code().name()).toList());
        assertEquals(histology == Histology.NOT_SARCOMA, result.nonSarcoma());
    }

    private static BiopsyReportCommand.Fnclcc fnclcc(String name) {
        return name == null ? null : switch (name) {
            case "G3" -> G3;
            case "G1" -> G1;
            default -> new BiopsyReportCommand.Fnclcc(null, null, null);
        };
    }

    @Test
    void aSarcomaBiopsyWithoutFnclccIsRefusedNamingTheField() {
        InvalidInput refused = assertThrows(InvalidInput.class, () -> ReportService.evaluate(new BiopsyReportCommand(
                SpecimenType.CORE_NEEDLE, Histology.LEIOMYOSARCOMA, List.of(), null, null)));
        assertEquals("fnclcc", refused.field());
    }

    @ParameterizedTest(name = "biopsy {0}, specimen {1} with FNCLCC {2}, markers {3} -> grade {4}, alerts {5}, not sarcoma {6}")
    @CsvSource(nullValues = "-", value = {
            // not re-assessed: the margin report alone
            "LEIOMYOSARCOMA,                  -,                               -,  false, -,  -,                                          false",
            // grade alone, read against the biopsy's histology (its differentiation fit too)
            "LEIOMYOSARCOMA,                  -,                               G3, false, G3, -,                                          false",
            "WELL_DIFFERENTIATED_LIPOSARCOMA, -,                               G3, false, G3, DIFFERENTIATION_UNEXPECTED_FOR_HISTOLOGY,   false",
            // no grade for a non-sarcoma on the biopsy either
            "NOT_SARCOMA,                     -,                               G3, false, -,  FNCLCC_NOT_APPLICABLE,                      false",
            // histology alone; a liposarcoma not re-tested is not asked for its MDM2/CDK4 test again
            "WELL_DIFFERENTIATED_LIPOSARCOMA, DEDIFFERENTIATED_LIPOSARCOMA,    -,  true,  -,  -,                                          false",
            "WELL_DIFFERENTIATED_LIPOSARCOMA, DEDIFFERENTIATED_LIPOSARCOMA,    -,  false, -,  -,                                          false",
            // both, and the differentiation fit checked against the specimen's histology
            "WELL_DIFFERENTIATED_LIPOSARCOMA, DEDIFFERENTIATED_LIPOSARCOMA,    G1, true,  G1, DIFFERENTIATION_UNEXPECTED_FOR_HISTOLOGY,   false",
            "LEIOMYOSARCOMA,                  LEIOMYOSARCOMA,                  G3, false, G3, -,                                          false",
            // the specimen says not sarcoma: no grade, the case leaves the pathway
            "LEIOMYOSARCOMA,                  NOT_SARCOMA,                     G3, false, -,  NOT_SARCOMA_HISTOLOGY FNCLCC_NOT_APPLICABLE, true",
            // the specimen says sarcoma where the biopsy did not: graded as the sarcoma it is
            "NOT_SARCOMA,                     LEIOMYOSARCOMA,                  G3, false, G3, -,                                          false",
    })
    void resection(Histology biopsy, Histology histology, String fnclcc, boolean amplified, String grade, String alerts,
            boolean nonSarcoma) {
        ResectionReportCommand command = new ResectionReportCommand(Margin.R0, 40, null, null, null, null, null, histology,
                fnclcc(fnclcc),
                amplified ? List.of(new BiopsyReportCommand.IhcResult(Marker.MDM2, MarkerResult.POSITIVE)) : null,
                amplified ? new BiopsyReportCommand.Molecular(true, true, null) : null);
        ReportService.ResectionResult result = ReportService.evaluate(command, biopsy, true);
        assertEquals(grade, result.grade() == null ? null : result.grade().grade().name());
        assertEquals(alerts == null ? List.of() : List.of(alerts.split(" ")),
                result.alerts().stream().map(a -> a.code().name()).toList());
        assertEquals(nonSarcoma, result.nonSarcoma());
    }

    @Test
    void markersReTestedOnTheSpecimenAreReadAgainstItsHistology() {
        InvalidInput refused = assertThrows(InvalidInput.class, () -> ReportService.evaluate(new ResectionReportCommand(Margin.R0,
                40, null, null, null, null, null, null, null, List.of(new BiopsyReportCommand.IhcResult(Marker.MDM2,
                        MarkerResult.POSITIVE)), null), Histology.LEIOMYOSARCOMA, true));
        assertEquals("histology", refused.field());
    }
}
