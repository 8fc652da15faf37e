package org.tumorboard.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The organs offered to tick, in words, and whether a list holds one (no substring match: COLON is not COLON_SIGMOID). */
class OrgansTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            KIDNEY_LEFT        | left kidney
            URETER_RIGHT       | right ureter
            COLON_DESCENDING   | descending colon
            SMALL_BOWEL        | small bowel
            QUADRATUS_LUMBORUM | quadratus lumborum
            PSOAS              | psoas
            """)
    void organsReadAsWords(String code, String words) {
        assertEquals(words, Organs.organ(code));
    }

    @Test
    void aListHoldsWholeCodesOnly() {
        assertTrue(Organs.lists("KIDNEY_LEFT,COLON_SIGMOID", "COLON_SIGMOID"));
        assertFalse(Organs.lists("KIDNEY_LEFT,COLON_SIGMOID", "COLON"));
        assertFalse(Organs.lists(null, "KIDNEY_LEFT"));
    }

    @Test
    void everyOrganOfTheListReadsInLowerCaseWords() {
        Organs.CODES.forEach(code -> assertEquals(Organs.organ(code).toLowerCase(java.util.Locale.ROOT), Organs.organ(code), code));
    }
}
