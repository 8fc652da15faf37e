package org.tumorboard.staging.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tumorboard.staging.rules.Ajcc8Retroperitoneum.G;
import org.tumorboard.staging.rules.Ajcc8Retroperitoneum.M;
import org.tumorboard.staging.rules.Ajcc8Retroperitoneum.N;
import org.tumorboard.staging.rules.Ajcc8Retroperitoneum.StageGroup;
import org.tumorboard.staging.rules.Ajcc8Retroperitoneum.T;

/** rps-reference.md section 4: every T boundary, every cell of the grouping table, and monotonicity. */
class Ajcc8RetroperitoneumTest {

    @ParameterizedTest(name = "{0} cm -> {1}")
    @CsvSource({ "0.1, T1", "5.0, T1", "5.1, T2", "10.0, T2", "10.1, T3", "15.0, T3", "15.1, T4", "22.0, T4", "100.0, T4" })
    void tBoundariesAreInclusiveOnTheSmallerClass(String cm, T t) {
        assertEquals(t, Ajcc8Retroperitoneum.t(new BigDecimal(cm)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "0.0", "-1" })
    void aSizeThatIsNotPositiveIsRefused(String cm) {
        assertThrows(IllegalArgumentException.class, () -> Ajcc8Retroperitoneum.t(new BigDecimal(cm)));
    }

    /** Every T x G cell for N0 M0, then N1 and M1 rows for every T and G. */
    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @CsvSource({
            "T1, N0, M0, G1, IA", "T1, N0, M0, GX, IA",
            "T2, N0, M0, G1, IB", "T3, N0, M0, G1, IB", "T4, N0, M0, G1, IB",
            "T2, N0, M0, GX, IB", "T3, N0, M0, GX, IB", "T4, N0, M0, GX, IB",
            "T1, N0, M0, G2, II", "T1, N0, M0, G3, II",
            "T2, N0, M0, G2, IIIA", "T2, N0, M0, G3, IIIA",
            "T3, N0, M0, G2, IIIB", "T3, N0, M0, G3, IIIB", "T4, N0, M0, G2, IIIB", "T4, N0, M0, G3, IIIB",
            // N1 M0 is IIIB here, whatever T and G (the retroperitoneal rule)
            "T1, N1, M0, G1, IIIB", "T1, N1, M0, GX, IIIB", "T2, N1, M0, G2, IIIB", "T3, N1, M0, G3, IIIB", "T4, N1, M0, G1, IIIB",
            // M1 is IV with any N
            "T1, N0, M1, G1, IV", "T2, N0, M1, GX, IV", "T3, N1, M1, G2, IV", "T4, N1, M1, G3, IV",
    })
    void groupingTable(T t, N n, M m, G g, StageGroup group) {
        assertEquals(group, Ajcc8Retroperitoneum.stage(t, n, m, g).group());
    }

    @Test
    void theReferenceExampleAndTheEditionAreInTheResult() {
        Ajcc8Retroperitoneum.Stage stage = Ajcc8Retroperitoneum.stage(new BigDecimal("22.0"), N.N0, M.M0, G.G2);
        assertEquals(new Ajcc8Retroperitoneum.Stage(T.T4, N.N0, M.M0, G.G2, StageGroup.IIIB, "AJCC8_RETROPERITONEUM"), stage);
    }

    /** The group never decreases when one of T, N, M or G increases and the rest stay (GX counts as G1). */
    @Test
    void theGroupNeverDecreasesWhenOneCategoryIncreases() {
        List<G> gradeOrder = List.of(G.GX, G.G1, G.G2, G.G3);
        int checked = 0;
        for (T t : T.values()) {
            for (N n : N.values()) {
                for (M m : M.values()) {
                    for (G g : G.values()) {
                        StageGroup base = Ajcc8Retroperitoneum.group(t, n, m, g);
                        if (t.ordinal() < T.values().length - 1) {
                            checked += atLeast(base, Ajcc8Retroperitoneum.group(T.values()[t.ordinal() + 1], n, m, g), t, n, m, g);
                        }
                        if (n == N.N0) {
                            checked += atLeast(base, Ajcc8Retroperitoneum.group(t, N.N1, m, g), t, n, m, g);
                        }
                        if (m == M.M0) {
                            checked += atLeast(base, Ajcc8Retroperitoneum.group(t, n, M.M1, g), t, n, m, g);
                        }
                        int gi = gradeOrder.indexOf(g);
                        if (gi < gradeOrder.size() - 1) {
                            checked += atLeast(base, Ajcc8Retroperitoneum.group(t, n, m, gradeOrder.get(gi + 1)), t, n, m, g);
                        }
                    }
                }
            }
        }
        assertEquals(4 * 2 * 2 * 4 - 2 * 2 * 4 + 4 * 2 * 4 + 4 * 2 * 4 + 4 * 2 * 2 * 3, checked);
    }

    private static int atLeast(StageGroup base, StageGroup increased, T t, N n, M m, G g) {
        assertTrue(increased.compareTo(base) >= 0, "from " + t + " " + n + " " + m + " " + g + ": " + base + " fell to " + increased);
        return 1;
    }
}
