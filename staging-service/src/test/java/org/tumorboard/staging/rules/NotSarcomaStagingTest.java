package org.tumorboard.staging.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorboard.staging.rules.CaseStagingRule.Sourced;

/** rps-reference.md section 8: a tumour whose histology is NOT_SARCOMA gets no AJCC sarcoma stage (issue 19, item 2). */
class NotSarcomaStagingTest {

    @ParameterizedTest(name = "{0}, grade {1}, resected {2}: stage {3}")
    @CsvSource(nullValues = "null", value = {
            "NOT_SARCOMA, G3, false, null",
            "NOT_SARCOMA, G1, true, null",
            "NOT_SARCOMA, null, false, null",
            "DEDIFFERENTIATED_LIPOSARCOMA, G3, false, IIIB",
            "DEDIFFERENTIATED_LIPOSARCOMA, G3, true, IIIB",
            "LEIOMYOSARCOMA, G1, false, IB",
            "null, G2, false, IIIB" })
    void aNonSarcomaHasNoSarcomaStage(String histology, String grade, boolean resected, String group) {
        UUID event = UUID.randomUUID();
        CaseStagingRule.Evaluation e = CaseStagingRule.evaluate(new CaseStagingRule.Facts(
                new Sourced<>(new BigDecimal("16.0"), event, "t"), new Sourced<>(false, event, "t"), new Sourced<>(false, event, "t"),
                grade == null ? Sourced.none() : new Sourced<>(grade, event, "t"),
                histology == null ? Sourced.none() : new Sourced<>(histology, event, "t"), Sourced.none(), Sourced.none(),
                Sourced.none(), resected, Sourced.none()));
        if (group == null) {
            assertNull(e.stage());
            assertEquals(CaseStagingRule.NOT_A_SARCOMA, e.notApplicable());
            assertNull(e.failurePattern(), "no sarcoma failure pattern either");
        } else {
            assertEquals(group, e.stage().group().name());
            assertNull(e.notApplicable());
        }
    }
}
