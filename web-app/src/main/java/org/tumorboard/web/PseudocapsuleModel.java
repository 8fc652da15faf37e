package org.tumorboard.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Why the pseudocapsule is not a margin, rps-reference.md section 3 (a model the board view can show): satellite
 * nodules lie at a distance beyond the visible edge, exponential with mean l; the pseudocapsule is c thick; a fraction
 * f of its surface has defects. Dissecting on the capsule leaves disease with probability 1 - (1 - exp(-c/l)) * (1 - f).
 * Example: l = 3 mm, c = 1 mm, f = 0.15 gives exp(-1/3) = 0.717 from satellites and 0.759 in all.
 */
public final class PseudocapsuleModel {

    public record Result(BigDecimal fromSatellites, BigDecimal inAll) {
    }

    private PseudocapsuleModel() {
    }

    public static Result leftBehind(double meanSatelliteDistanceMm, double capsuleMm, double defectFraction) {
        if (!(meanSatelliteDistanceMm > 0) || !(capsuleMm >= 0) || !(defectFraction >= 0 && defectFraction <= 1)) {
            throw new IllegalArgumentException("l must be above 0, c at least 0, f between 0 and 1");
        }
        double satellites = Math.exp(-capsuleMm / meanSatelliteDistanceMm);
        double all = 1 - (1 - satellites) * (1 - defectFraction);
        return new Result(round(satellites), round(all));
    }

    private static BigDecimal round(double p) {
        return BigDecimal.valueOf(p).setScale(3, RoundingMode.HALF_UP);
    }
}
