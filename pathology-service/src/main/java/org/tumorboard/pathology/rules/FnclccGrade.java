package org.tumorboard.pathology.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * FNCLCC grade, rps-reference.md section 3: differentiation (1-3) + mitoses per 10 HPF (0-9: 1, 10-19: 2, 20+: 3)
 * + necrosis (none: 0, under 50%: 1, 50% or more: 2). Total 2-3 is G1, 4-5 G2, 6-8 G3. A missing component
 * gives GX, naming what is missing.
 */
public final class FnclccGrade {

    public enum Grade {
        G1, G2, G3, GX
    }

    /** Scores are null where their component is missing; {@code score} is null for GX. */
    public record Result(Grade grade, Integer score, Integer differentiationScore, Integer mitosisScore, Integer necrosisScore,
            List<String> missing) {
    }

    private static final BigDecimal FIFTY = BigDecimal.valueOf(50);

    private FnclccGrade() {
    }

    /**
     * @param differentiation 1, 2 or 3 (the pathologist's differentiation score), null if not assessed
     * @param mitosesPer10Hpf mitotic count per 10 high-power fields (1.7 mm²), null if not counted
     * @param necrosisPercent percentage of tumor necrosis, null if not assessed
     */
    public static Result grade(Integer differentiation, Integer mitosesPer10Hpf, BigDecimal necrosisPercent) {
        if (differentiation != null && (differentiation < 1 || differentiation > 3)) {
            throw new IllegalArgumentException("differentiation must be 1, 2 or 3");
        }
        if (mitosesPer10Hpf != null && mitosesPer10Hpf < 0) {
            throw new IllegalArgumentException("mitoses must not be negative");
        }
        if (necrosisPercent != null && (necrosisPercent.signum() < 0 || necrosisPercent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("necrosis must be between 0 and 100 percent");
        }
        Integer mitosisScore = mitosesPer10Hpf == null ? null : mitosesPer10Hpf <= 9 ? 1 : mitosesPer10Hpf <= 19 ? 2 : 3;
        Integer necrosisScore = necrosisPercent == null ? null
                : necrosisPercent.signum() == 0 ? 0 : necrosisPercent.compareTo(FIFTY) < 0 ? 1 : 2;
        List<String> missing = new ArrayList<>();
        if (differentiation == null) {
            missing.add("differentiation");
        }
        if (mitosisScore == null) {
            missing.add("mitosesPer10Hpf");
        }
        if (necrosisScore == null) {
            missing.add("necrosisPercent");
        }
        if (!missing.isEmpty()) {
            return new Result(Grade.GX, null, differentiation, mitosisScore, necrosisScore, List.copyOf(missing));
        }
        int total = differentiation + mitosisScore + necrosisScore;
        Grade grade = total <= 3 ? Grade.G1 : total <= 5 ? Grade.G2 : Grade.G3;
        return new Result(grade, total, differentiation, mitosisScore, necrosisScore, List.of());
    }
}
