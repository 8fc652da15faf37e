package org.tumorboard.pathology.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hub's R0 rate (rps-reference.md section 7): the share of resections whose current report calls the margin R0,
 * per referring site and in all, with the published comparison for specialized, high-volume centers against others:
 * R0 resection 68% against 42%.
 */
public final class MarginRates {

    public static final BigDecimal PUBLISHED_SPECIALIZED = new BigDecimal("0.68");
    public static final BigDecimal PUBLISHED_OTHERS = new BigDecimal("0.42");
    public static final String UNKNOWN_SITE = "UNKNOWN";

    /** One resection: its site (null before the referral reached pathology) and its current margin call. */
    public record Resection(String site, String margin) {
    }

    /** r0Rate is null when there is no resection to count, and rounded to three decimals otherwise. */
    public record Rate(String site, int resections, int r0, int r1, int r2, BigDecimal r0Rate) {
    }

    private MarginRates() {
    }

    public static List<Rate> bySite(Collection<Resection> resections) {
        Map<String, List<Resection>> sites = new TreeMap<>();
        for (Resection r : resections) {
            sites.computeIfAbsent(r.site() == null ? UNKNOWN_SITE : r.site(), s -> new ArrayList<>()).add(r);
        }
        return sites.entrySet().stream().map(e -> rate(e.getKey(), e.getValue())).toList();
    }

    public static Rate rate(String label, Collection<Resection> resections) {
        int r0 = count(resections, "R0");
        int r1 = count(resections, "R1");
        int r2 = count(resections, "R2");
        int all = resections.size();
        BigDecimal rate = all == 0 ? null : BigDecimal.valueOf(r0).divide(BigDecimal.valueOf(all), 3, RoundingMode.HALF_UP);
        return new Rate(label, all, r0, r1, r2, rate);
    }

    private static int count(Collection<Resection> resections, String margin) {
        return (int) resections.stream().filter(r -> margin.equals(r.margin())).count();
    }
}
