package org.tumorboard.intake.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorboard.intake.SuspectedNonSarcoma;
import org.tumorboard.intake.rules.BiopsyIndication.Reason;

/** rps-reference.md section 2, core needle biopsy row: every trigger alone, together, and none. */
class BiopsyIndicationTest {

    @ParameterizedTest(name = "neoadjuvant={0}, suspected={1} -> indicated={2} {3}")
    @CsvSource(nullValues = "none", value = {
            "false, none,          false, ''",
            "true,  none,          true,  NEOADJUVANT_THERAPY_CONSIDERED",
            "false, LYMPHOMA,      true,  SUSPECTED_LYMPHOMA",
            "false, GIST,          true,  SUSPECTED_GIST",
            "false, GERM_CELL,     true,  SUSPECTED_GERM_CELL",
            "false, CARCINOMA,     true,  SUSPECTED_CARCINOMA",
            "false, PARAGANGLIOMA, true,  SUSPECTED_PARAGANGLIOMA",
            "true,  LYMPHOMA,      true,  NEOADJUVANT_THERAPY_CONSIDERED SUSPECTED_LYMPHOMA",
    })
    void indication(boolean neoadjuvant, SuspectedNonSarcoma suspected, boolean indicated, String reasons) {
        BiopsyIndication.Result result = BiopsyIndication.evaluate(neoadjuvant, suspected);
        assertEquals(indicated, result.indicated());
        List<Reason> expected = reasons.isBlank() ? List.of()
                : Arrays.stream(reasons.trim().split("\\s+")).map(Reason::valueOf).toList();
        assertEquals(expected, result.reasons());
    }
}
