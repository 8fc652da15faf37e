package org.tumorboard.staging.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorboard.staging.rules.CaseStagingRule.Input;
import org.tumorboard.staging.rules.CaseStagingRule.Sourced;

/**
 * rps-reference.md section 8, "Which grade and histology stage the case": p from the re-assessed specimen, yp with the
 * pre-treatment grade and the treatment effect recorded, c from the biopsy. 8 cm, N0, M0 throughout (T2: G1 is IB,
 * G2/G3 IIIA).
 */
class SpecimenStagingTest {

    private static final UUID BIOPSY = UUID.randomUUID();
    private static final UUID RESECTION = UUID.randomUUID();

    @ParameterizedTest(name = "resected {0}, neoadjuvant {1}, biopsy {2} {3}, specimen {4} {5} -> {6} {7} {8} from {9}, pattern {10}")
    @CsvSource(nullValues = "-", value = {
            // before the resection the specimen does not exist: the biopsy stages (c)
            "false, false, WELL_DIFFERENTIATED_LIPOSARCOMA, G1, -,                            -,  c,  G1, IB,   biopsy,    LOCAL_DOMINANT",
            // the WDLPS on core biopsy found dedifferentiated in the specimen is staged (and patterned) as it is
            "true,  false, WELL_DIFFERENTIATED_LIPOSARCOMA, G1, DEDIFFERENTIATED_LIPOSARCOMA, G3, p,  G3, IIIA, resection, LOCAL_AND_DISTANT",
            // the specimen changes the histology without a grade: GX (grouped as G1), never the biopsy's G1 of another diagnosis
            "true,  false, WELL_DIFFERENTIATED_LIPOSARCOMA, G1, DEDIFFERENTIATED_LIPOSARCOMA, -,  p,  GX, IB,   resection, LOCAL_AND_DISTANT",
            // the specimen confirms the histology without a grade: the biopsy's grade stands
            "true,  false, LEIOMYOSARCOMA,                  G3, LEIOMYOSARCOMA,               -,  p,  G3, IIIA, biopsy,    DISTANT_DOMINANT",
            // not re-assessed: as before this issue
            "true,  false, LEIOMYOSARCOMA,                  G3, -,                            -,  p,  G3, IIIA, biopsy,    DISTANT_DOMINANT",
            // after neoadjuvant therapy the pre-treatment grade stages (yp), whatever the treated specimen shows
            "true,  true,  DEDIFFERENTIATED_LIPOSARCOMA,    G3, DEDIFFERENTIATED_LIPOSARCOMA, G1, yp, G3, IIIA, biopsy,    LOCAL_AND_DISTANT",
            // neoadjuvant therapy before the resection changes nothing while the case is not resected
            "false, true,  LEIOMYOSARCOMA,                  G2, -,                            -,  c,  G2, IIIA, biopsy,    DISTANT_DOMINANT",
    })
    void specimenGovernsThePathologicStage(boolean resected, boolean neoadjuvant, String biopsyHistology, String biopsyGrade,
            String specimenHistology, String specimenGrade, String prefix, String g, String group, String gradeFrom, String pattern) {
        CaseStagingRule.Evaluation e = CaseStagingRule.evaluate(facts(resected, neoadjuvant, biopsyHistology, biopsyGrade,
                specimenHistology, specimenGrade, null));
        assertEquals(prefix, e.prefix());
        assertEquals(g, e.stage().g().name());
        assertEquals(group, e.stage().group().name());
        assertEquals(gradeFrom.equals("biopsy") ? BIOPSY : RESECTION, input(e, "grade").eventId());
        assertEquals(pattern, e.failurePattern().pattern().name());
    }

    @ParameterizedTest(name = "treatment effect {0} after neoadjuvant {1}: recorded as {2}")
    @CsvSource(nullValues = "-", value = { "80, true, 80", "0, true, 0", "-, true, -" })
    void theTreatmentEffectIsRecordedWithTheStaging(BigDecimal effect, boolean neoadjuvant, String recorded) {
        CaseStagingRule.Evaluation e = CaseStagingRule.evaluate(facts(true, neoadjuvant, "LEIOMYOSARCOMA", "G2", null, null, effect));
        assertEquals(recorded, e.inputs().stream().filter(i -> i.name().equals("treatmentEffectPercent")).map(Input::value)
                .findFirst().orElse(null));
    }

    @ParameterizedTest(name = "specimen histology {0}: not applicable")
    @CsvSource({ "NOT_SARCOMA" })
    void aSpecimenThatIsNotSarcomaHasNoSarcomaStage(String specimenHistology) {
        CaseStagingRule.Evaluation e = CaseStagingRule.evaluate(facts(true, false, "LEIOMYOSARCOMA", "G2", specimenHistology, null,
                null));
        assertEquals(null, e.stage());
        assertEquals(CaseStagingRule.NOT_A_SARCOMA, e.notApplicable());
    }

    private static CaseStagingRule.Facts facts(boolean resected, boolean neoadjuvant, String biopsyHistology, String biopsyGrade,
            String specimenHistology, String specimenGrade, BigDecimal effect) {
        UUID referral = UUID.randomUUID();
        return new CaseStagingRule.Facts(known(new BigDecimal("8.0"), referral), known(false, referral), known(false, referral),
                known(biopsyGrade, BIOPSY), known(biopsyHistology, BIOPSY), Sourced.none(), Sourced.none(), Sourced.none(), resected,
                neoadjuvant ? known(true, UUID.randomUUID()) : Sourced.none(), known(specimenHistology, RESECTION),
                known(specimenGrade, RESECTION), known(effect, RESECTION));
    }

    private static Input input(CaseStagingRule.Evaluation e, String name) {
        return e.inputs().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private static <V> Sourced<V> known(V value, UUID event) {
        return value == null ? Sourced.none() : new Sourced<>(value, event, "test");
    }
}
