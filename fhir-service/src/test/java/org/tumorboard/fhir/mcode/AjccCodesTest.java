package org.tumorboard.fhir.mcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.Test;
import org.tumorboard.events.Vocabulary;

/** Every AJCC value our staging can take has its code, each code a well-formed SNOMED CT identifier, none used twice. */
class AjccCodesTest {

    @Test
    void everyCategoryAndGroupOfACOrPStagingHasItsCode() {
        Set<String> seen = new HashSet<>();
        for (String prefix : List.of("c", "p")) {
            check(prefix, AjccCodes.Part.T, Vocabulary.Staging.T, seen);
            check(prefix, AjccCodes.Part.N, Vocabulary.Staging.N, seen);
            check(prefix, AjccCodes.Part.M, Vocabulary.Staging.M, seen);
            check(prefix, AjccCodes.Part.GROUP, Vocabulary.Staging.GROUPS, seen);
        }
    }

    private static void check(String prefix, AjccCodes.Part part, List<String> values, Set<String> seen) {
        for (String value : values) {
            Coding observation = AjccCodes.observationCode(prefix, part, value).orElseThrow(() -> new AssertionError(prefix + part + value));
            Coding coded = AjccCodes.value(prefix, part, value).orElseThrow(() -> new AssertionError(prefix + value));
            assertTrue(isSctid(observation.getCode()) && isSctid(coded.getCode()), prefix + value + ": " + coded.getCode());
            if (part != AjccCodes.Part.GROUP && !(part == AjccCodes.Part.M && "p".equals(prefix))) {
                assertTrue(seen.add(coded.getCode()), "one code per category: " + prefix + value);
                assertTrue(coded.getDisplay().contains((part == AjccCodes.Part.M ? "c" : prefix) + value), coded.getDisplay());
            }
        }
    }

    /**
     * M is clinical in every staging: AJCC has no pM0, and pM1 needs a histologically proven metastasis, which no event of
     * ours carries (distant lesions are known from imaging).
     */
    @Test
    void aPathologicStagingsMIsClinical() {
        assertEquals("399387003", AjccCodes.observationCode("p", AjccCodes.Part.M, "M0").orElseThrow().getCode());
        assertEquals("1229901006", AjccCodes.value("p", AjccCodes.Part.M, "M0").orElseThrow().getCode());
        assertEquals("399387003", AjccCodes.observationCode("p", AjccCodes.Part.M, "M1").orElseThrow().getCode());
        assertEquals("1229903009", AjccCodes.value("p", AjccCodes.Part.M, "M1").orElseThrow().getCode());
    }

    @Test
    void aPostTherapyOrRecurrenceStagingIsNotExportedYet() {
        for (String prefix : List.of("yp", "r")) {
            assertTrue(AjccCodes.observationCode(prefix, AjccCodes.Part.T, "T2").isEmpty(), prefix);
            assertTrue(AjccCodes.value(prefix, AjccCodes.Part.GROUP, "IB").isEmpty(), prefix);
        }
    }

    @Test
    void theCheckDigitCatchesATypo() {
        assertTrue(isSctid("1228938002"));
        assertTrue(!isSctid("1228938003") && !isSctid("1228983002"));
    }

    /** A SNOMED CT identifier: digits, partition 00 or 10 for a concept, and Verhoeff's check digit last. */
    static boolean isSctid(String id) {
        if (id == null || !id.matches("[1-9][0-9]{5,17}") || !(id.charAt(id.length() - 3) == '0' && (id.charAt(id.length() - 2) == '0'
                || id.charAt(id.length() - 2) == '1'))) {
            return false;
        }
        int c = 0;
        for (int i = 0; i < id.length(); i++) {
            c = D[c][P[i % 8][id.charAt(id.length() - 1 - i) - '0']];
        }
        return c == 0;
    }

    private static final int[][] D = { { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 }, { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
            { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 }, { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 }, { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 },
            { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 }, { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 }, { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 } };
    private static final int[][] P = { { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 }, { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 },
            { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 }, { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 }, { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 },
            { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 } };
}
