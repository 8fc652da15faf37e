package org.tumorboard.board.rules;

import java.util.Collection;
import java.util.List;

/**
 * Median and spread of a set of waiting times in days, for the hub's figures (rps-reference.md section 7: time from
 * referral to board, from board to treatment). Quartiles by linear interpolation between order statistics
 * (position (n - 1) * p, the common "type 7" definition), so one value is its own median and quartiles.
 */
public record Spread(int n, Double median, Double q1, Double q3, Long min, Long max) {

    public static final Spread NONE = new Spread(0, null, null, null, null, null);

    public static Spread of(Collection<Long> values) {
        if (values.isEmpty()) {
            return NONE;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return new Spread(sorted.size(), quantile(sorted, 0.5), quantile(sorted, 0.25), quantile(sorted, 0.75), sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

    static double quantile(List<Long> sorted, double p) {
        double position = (sorted.size() - 1) * p;
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        double fraction = position - below;
        return sorted.get(below) + fraction * (sorted.get(above) - sorted.get(below));
    }
}
