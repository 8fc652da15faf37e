package org.tumorboard.board.decision.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 19, item 8: a WDLPS on biopsy with a solid enhancing component on imaging is flagged; nothing else is. */
class ConcordanceTest {

    @ParameterizedTest(name = "{0} with solid enhancing component {1} -> flagged {2}")
    @CsvSource(nullValues = "-", value = {
            "WELL_DIFFERENTIATED_LIPOSARCOMA, true,  true",
            "WELL_DIFFERENTIATED_LIPOSARCOMA, false, false",
            "WELL_DIFFERENTIATED_LIPOSARCOMA, -,     false",
            "DEDIFFERENTIATED_LIPOSARCOMA,    true,  false",
            "LEIOMYOSARCOMA,                  true,  false",
            "NOT_SARCOMA,                     true,  false",
            "-,                               true,  false",
    })
    void wellDifferentiatedLiposarcomaWithASolidEnhancingComponent(String histology, Boolean solid, boolean flagged) {
        assertEquals(flagged ? List.of(Concordance.WDLPS_WITH_SOLID_ENHANCING_COMPONENT) : List.of(),
                Concordance.alerts(histology, solid));
    }
}
