package org.tumorboard.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Nearest-rank percentiles of a sample, in milliseconds. */
record Percentiles(int n, double p50, double p99, double p999, double max) {

    static Percentiles of(Collection<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return new Percentiles(sorted.size(), rank(sorted, 0.50), rank(sorted, 0.99), rank(sorted, 0.999),
                sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1));
    }

    private static double rank(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("n", n);
        json.put("p50Ms", p50);
        json.put("p99Ms", p99);
        json.put("p999Ms", p999);
        json.put("maxMs", max);
        return json;
    }
}
