package org.tumorboard.pathology.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Sampling uncertainty of a margin call, rps-reference.md section 3: if a fraction p of the margin surface is
 * involved and n blocks are sampled at random, all n miss it with probability (1 - p)^n; the blocks needed for a
 * miss chance of at most a are ceil(ln a / ln(1 - p)). Example: p = 0.01, n = 40 gives 0.669; a = 0.05 needs 299.
 */
public final class MarginSampling {

    public static final double DEFAULT_INVOLVED_FRACTION = 0.01;
    public static final double TARGET_MISS_CHANCE = 0.05;

    private MarginSampling() {
    }

    /** (1 - p)^n, rounded to three decimals as the report shows it. */
    public static BigDecimal missProbability(double involvedFraction, int blocksSampled) {
        check(involvedFraction);
        if (blocksSampled < 1) {
            throw new IllegalArgumentException("at least one block must be sampled");
        }
        return BigDecimal.valueOf(Math.pow(1 - involvedFraction, blocksSampled)).setScale(3, RoundingMode.HALF_UP);
    }

    /** The fewest blocks whose miss chance is at most {@code missChance}. */
    public static int blocksNeeded(double involvedFraction, double missChance) {
        check(involvedFraction);
        if (!(missChance > 0 && missChance < 1)) {
            throw new IllegalArgumentException("the target miss chance must be between 0 and 1, exclusive");
        }
        return (int) Math.ceil(Math.log(missChance) / Math.log(1 - involvedFraction));
    }

    private static void check(double involvedFraction) {
        if (!(involvedFraction > 0 && involvedFraction < 1)) {
            throw new IllegalArgumentException("the involved fraction must be between 0 and 1, exclusive");
        }
    }
}
