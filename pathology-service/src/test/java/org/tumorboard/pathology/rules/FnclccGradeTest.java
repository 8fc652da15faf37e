package org.tumorboard.pathology.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorboard.pathology.rules.FnclccGrade.Grade;

/** rps-reference.md section 3, FNCLCC: every component row and boundary, every total, and each missing component. */
class FnclccGradeTest {

    @ParameterizedTest(name = "mitoses {0} -> {1}")
    @CsvSource({ "0, 1", "9, 1", "10, 2", "19, 2", "20, 3", "150, 3" })
    void mitosisScore(int mitoses, int score) {
        assertEquals(score, FnclccGrade.grade(1, mitoses, BigDecimal.ZERO).mitosisScore());
    }

    @ParameterizedTest(name = "necrosis {0}% -> {1}")
    @CsvSource({ "0, 0", "0.5, 1", "1, 1", "49, 1", "49.9, 1", "50, 2", "100, 2" })
    void necrosisScore(String percent, int score) {
        assertEquals(score, FnclccGrade.grade(1, 0, new BigDecimal(percent)).necrosisScore());
    }

    @ParameterizedTest(name = "d{0} + m{1} + n{2}% -> total {3} {4}")
    @CsvSource({
            // totals 2 and 3 are G1
            "1, 0,  0,  2, G1",
            "1, 9,  1,  3, G1",
            "2, 5,  0,  3, G1",
            // 4 and 5 are G2
            "2, 9,  10, 4, G2",
            "1, 10, 49, 4, G2",
            "3, 12, 0,  5, G2",
            "2, 19, 1,  5, G2",
            // 6, 7 and 8 are G3. The api-contract example (d3, 12 mitoses, 30% necrosis) scores 3 + 2 + 1 = 6: G3,
            // although the example response there reads "score 5, G2"; the reference's table is the rule.
            "3, 12, 30, 6, G3",
            "3, 10, 1,  6, G3",
            "2, 20, 1,  6, G3",
            "3, 20, 1,  7, G3",
            "3, 20, 50, 8, G3",
    })
    void totals(int differentiation, int mitoses, String necrosis, int total, Grade grade) {
        FnclccGrade.Result result = FnclccGrade.grade(differentiation, mitoses, new BigDecimal(necrosis));
        assertEquals(total, result.score());
        assertEquals(grade, result.grade());
        assertEquals(differentiation, result.differentiationScore());
        assertEquals(List.of(), result.missing());
    }

    @ParameterizedTest(name = "d={0} m={1} n={2} -> GX missing {3}")
    @CsvSource(nullValues = "null", value = {
            "null, 12,   30,   differentiation",
            "3,    null, 30,   mitosesPer10Hpf",
            "3,    12,   null, necrosisPercent",
            "null, null, null, differentiation mitosesPer10Hpf necrosisPercent",
    })
    void missingComponentGivesGx(Integer differentiation, Integer mitoses, String necrosis, String missing) {
        FnclccGrade.Result result = FnclccGrade.grade(differentiation, mitoses, necrosis == null ? null : new BigDecimal(necrosis));
        assertEquals(Grade.GX, result.grade());
        assertEquals(null, result.score());
        assertEquals(Arrays.asList(missing.split(" ")), result.missing());
    }

    @ParameterizedTest(name = "d={0} m={1} n={2} is refused")
    @CsvSource({ "0, 5, 10", "4, 5, 10", "2, -1, 10", "2, 5, -0.1", "2, 5, 100.1" })
    void outOfRangeIsRefused(int differentiation, int mitoses, String necrosis) {
        assertThrows(IllegalArgumentException.class, () -> FnclccGrade.grade(differentiation, mitoses, new BigDecimal(necrosis)));
    }
}
