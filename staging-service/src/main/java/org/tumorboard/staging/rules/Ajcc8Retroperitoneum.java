package org.tumorboard.staging.rules;

import java.math.BigDecimal;

/**
 * AJCC 8th edition staging of retroperitoneal sarcoma, rps-reference.md section 4. T by greatest dimension with
 * boundaries inclusive on the smaller class (5.0 is T1, 5.1 is T2); GX grouped as G1; N1 without M1 is IIIB
 * (the retroperitoneal rule: it would be IV for trunk and extremity).
 */
public final class Ajcc8Retroperitoneum {

    public static final String EDITION = "AJCC8_RETROPERITONEUM";

    public enum T {
        T1, T2, T3, T4
    }

    public enum N {
        N0, N1
    }

    public enum M {
        M0, M1
    }

    public enum G {
        G1, G2, G3, GX
    }

    /** In increasing order of severity. */
    public enum StageGroup {
        IA, IB, II, IIIA, IIIB, IV
    }

    public record Stage(T t, N n, M m, G g, StageGroup group, String edition) {
    }

    private static final BigDecimal FIVE = BigDecimal.valueOf(5);
    private static final BigDecimal TEN = BigDecimal.valueOf(10);
    private static final BigDecimal FIFTEEN = BigDecimal.valueOf(15);

    private Ajcc8Retroperitoneum() {
    }

    public static T t(BigDecimal greatestDimensionCm) {
        if (greatestDimensionCm == null || greatestDimensionCm.signum() <= 0) {
            throw new IllegalArgumentException("the greatest dimension must be a positive size in centimetres");
        }
        if (greatestDimensionCm.compareTo(FIVE) <= 0) {
            return T.T1;
        }
        if (greatestDimensionCm.compareTo(TEN) <= 0) {
            return T.T2;
        }
        return greatestDimensionCm.compareTo(FIFTEEN) <= 0 ? T.T3 : T.T4;
    }

    public static Stage stage(BigDecimal greatestDimensionCm, N n, M m, G g) {
        return stage(t(greatestDimensionCm), n, m, g);
    }

    public static Stage stage(T t, N n, M m, G g) {
        return new Stage(t, n, m, g, group(t, n, m, g), EDITION);
    }

    static StageGroup group(T t, N n, M m, G g) {
        if (m == M.M1) {
            return StageGroup.IV;
        }
        if (n == N.N1) {
            return StageGroup.IIIB;
        }
        boolean lowGrade = g == G.G1 || g == G.GX;
        if (lowGrade) {
            return t == T.T1 ? StageGroup.IA : StageGroup.IB;
        }
        return switch (t) {
            case T1 -> StageGroup.II;
            case T2 -> StageGroup.IIIA;
            case T3, T4 -> StageGroup.IIIB;
        };
    }
}
