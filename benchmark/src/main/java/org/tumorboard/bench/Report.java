package org.tumorboard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The results as {@code results.md} (tables, each target met or missed), {@code results.json} and {@code chart.svg}. */
final class Report {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final double SERVICE_READY_MS = 2000;
    static final double SERVICE_IDLE_RSS_MB = 200;

    private final Path out;
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> targets = new LinkedHashMap<>();
    private final StringBuilder md = new StringBuilder();
    private Percentiles raw;
    private Percentiles hop;

    Report(Path out) {
        this.out = out;
        json.put("measuredAt", Instant.now().toString());
        json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "os", System.getProperty("os.name"),
                "java", System.getProperty("java.version"), "memoryGiB",
                Math.round(((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize() / (1024.0 * 1024 * 1024))));
    }

    Path out() {
        return out;
    }

    void idle(Map<String, Cost.Memory> memory) {
        json.put("memoryIdle", memory);
        section("Memory of the running stack, idle (before the loads)");
        memoryTable(memory);
    }

    void latency(Percentiles raw, OneHop hop, int records, int warmup) {
        this.raw = raw;
        this.hop = hop.total();
        double ratio = hop.total().p99() / raw.p99();
        json.put("rawKafka", Map.of("tool", "org.apache.kafka.tools.EndToEndLatency", "records", records, "recordBytes", 1024,
                "acks", "all", "p50Ms", raw.p50(), "p99Ms", raw.p99(), "p999Ms", raw.p999()));
        json.put("oneHop", hop.json(warmup));
        json.put("oneHopP99OverRawP99", ratio);
        target("one-hop p99 at most 3x raw Kafka p99", ratio <= 3, "%.1fx (%.1f ms / %.1f ms)".formatted(ratio, hop.total().p99(), raw.p99()));
        section("Latency: raw Kafka and one hop");
        md.append("| path | n | p50 ms | p99 ms | p99.9 ms |\n|---|---|---|---|---|\n");
        md.append(row("raw Kafka (EndToEndLatency, acks=all, 1 KB)", raw));
        md.append(row("one hop: intake's referral commit to staging's inbox commit", hop.total()));
        md.append(row("  first half: referral commit to the relay's commit (after the broker's ack)", hop.relay()));
        md.append(row("  second half: relay's commit to staging's inbox commit (overlaps: the consumer does not wait)", hop.consume()));
        md.append("\n%d referrals posted one at a time, after %d not counted. Commit times from the one PostgreSQL server "
                .formatted(hop.total().n(), warmup)
                + "(`pg_xact_commit_timestamp` of each row's `xmin`, `track_commit_timestamp=on`). The raw tool reports whole milliseconds.\n");
    }

    void underLoad(Map<String, Cost.Memory> peak, int clients) {
        json.put("memoryUnderPathwayLoad", Map.of("clients", clients, "peak", peak));
        section("Memory under load (the pathway, %d clients; each process's peak)".formatted(clients));
        memoryTable(peak);
    }

    void pathway(Pathway.Result r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("cases", r.cases());
        p.put("clients", r.clients());
        p.put("seconds", r.seconds());
        p.put("casesPerSecond", r.cases() / r.seconds());
        p.put("errors", r.errors());
        p.put("lostEvents", r.lostEvents());
        p.put("effectsNotExactlyOnce", r.doubled());
        Map<String, Object> api = new LinkedHashMap<>();
        r.apiLatency().forEach((k, v) -> api.put(k, v.json()));
        p.put("apiLatency", api);
        Map<String, Object> lag = new LinkedHashMap<>();
        r.eventLag().forEach((k, v) -> lag.put(k, v.json()));
        p.put("eventLag", lag);
        p.put("tableGrowthPer1000Cases", r.tableGrowth());
        json.put("pathway", p);
        target("%d cases through the whole pathway, no error, nothing lost, nothing doubled".formatted(r.cases()), r.clean(),
                "%d errors, %d events lost, %d cases with an effect not exactly once".formatted(r.errors().size(), r.lostEvents(), r.doubled().size()));
        section("The whole pathway");
        md.append("%d cases, %d at a time, from referral to the surveillance schedule: %.1f s, %.2f cases/s. Errors %d, events lost %d, "
                .formatted(r.cases(), r.clients(), r.seconds(), r.cases() / r.seconds(), r.errors().size(), r.lostEvents())
                + "cases with an effect not exactly once %d (checked in the databases).\n\n".formatted(r.doubled().size()));
        r.errors().stream().limit(10).forEach(e -> md.append("- error: ").append(e).append('\n'));
        r.doubled().stream().limit(10).forEach(e -> md.append("- not exactly once: ").append(e).append('\n'));
        md.append("\nEach step's API call:\n\n| call | n | p50 ms | p99 ms | p99.9 ms |\n|---|---|---|---|---|\n");
        r.apiLatency().forEach((k, v) -> md.append(row(k, v)));
        md.append("\nEach event's lag, from the producer's transaction (its outbox row's `created_at`) to the consumer's inbox commit:\n\n"
                + "| event -> consumer | n | p50 ms | p99 ms | p99.9 ms |\n|---|---|---|---|---|\n");
        r.eventLag().forEach((k, v) -> md.append(row(k, v)));
        md.append("\nRows added per 1,000 cases:\n\n| service | outbox | inbox | audit |\n|---|---|---|---|\n");
        r.tableGrowth().forEach((s, t) -> md.append("| %s | %d | %d | %d |\n".formatted(s, t.get("outbox_event"), t.get("inbox_event"),
                t.get("audit_record"))));
    }

    void sustained(List<Sustained> runs) {
        List<Object> list = new ArrayList<>();
        runs.forEach(s -> list.add(s.json()));
        json.put("sustained", list);
        section("Sustained referrals");
        md.append("| clients | s | accepted | refused | accepted/s | POST p50 ms | POST p99 ms | last on the worklist after the load, ms |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Sustained s : runs) {
            md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %.1f | %.1f | %.1f | %.0f |%n", s.clients(), s.seconds(), s.accepted(),
                    s.refused(), s.acceptedPerSecond(), s.post().p50(), s.post().p99(), s.drainMs()));
            target("%d clients: 200 referrals/s, POST p99 < 100 ms, drained within 5 s".formatted(s.clients()),
                    s.acceptedPerSecond() >= 200 && s.post().p99() < 100 && s.drainMs() <= 5000 && s.notOnWorklist() == 0 && s.refused() == 0,
                    "%.1f/s, p99 %.1f ms, drained in %.1f s, %d refused, %d not on the worklist".formatted(s.acceptedPerSecond(),
                            s.post().p99(), s.drainMs() / 1000, s.refused(), s.notOnWorklist()));
        }
        md.append("\nWhere the CPU went, over each load and its drain: the machine's cores busy, and CPU ms per accepted referral:\n\n| clients | cores busy | ");
        List<String> roles = runs.get(0).cpuMsPerReferral().keySet().stream().toList();
        md.append(String.join(" | ", roles)).append(" | total |\n|---|---|").append("---|".repeat(roles.size() + 1)).append('\n');
        for (Sustained s : runs) {
            md.append(String.format(Locale.ROOT, "| %d | %.0f %% | ", s.clients(), s.machineBusyPercent()));
            roles.forEach(r -> md.append(String.format(Locale.ROOT, "%.1f | ", s.cpuMsPerReferral().getOrDefault(r, 0.0))));
            md.append(String.format(Locale.ROOT, "%.1f |%n", s.cpuMsPerReferral().values().stream().mapToDouble(Double::doubleValue).sum()));
        }
    }

    void lists(Lists.Result r) {
        json.put("lists", Map.of("cases", r.cases(), "referredNow", r.referredNow(), "topUpSeconds", r.topUpSeconds(),
                "timings", r.timings().stream().map(Lists::json).toList()));
        section("The working lists at %,d cases".formatted(r.cases()));
        md.append("The stack topped up with %,d referrals in %.0f s; then each list asked one request at a time as its screen's user "
                .formatted(r.referredNow(), r.topUpSeconds()) + "(after 10 not counted), the service's answer time seen by the client.\n\n"
                + "| list | user | request | rows | n | p50 ms | p99 ms |\n|---|---|---|---|---|---|---|\n");
        for (Lists.Timing t : r.timings()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | `%s` | %s | %d | %.1f | %.1f |%n", t.list(), t.user(), t.request(),
                    t.total() < 0 ? "(summary)" : "%,d".formatted(t.total()),
                    t.ms().n(), t.ms().p50(), t.ms().p99()));
            // A list that was empty or not asked says nothing about volume: it is reported as not measured, never as met.
            boolean measured = t.ms().n() > 0 && t.total() != 0;
            target("%s answers in under %.0f ms (%,d cases on the stack)".formatted(t.list(), Lists.TARGET_MS, r.cases()),
                    measured && t.ms().p99() < Lists.TARGET_MS,
                    measured ? "p50 %.1f ms, p99 %.1f ms, %s".formatted(t.ms().p50(), t.ms().p99(), t.total() < 0 ? "a summary" : "%,d rows".formatted(t.total()))
                            : "not measured: the list was empty or not there");
        }
    }

    void startups(List<Cost.Startup> startups) {
        json.put("startups", startups);
        section("Start-up and idle memory of each app (a replica started beside the stack, bin/run's JVM options)");
        md.append("| app | process start to ready, ms | RSS idle, MB | sent outbox rows older than 1 min: before, after the retention job |\n"
                + "|---|---|---|---|\n");
        for (Cost.Startup s : startups) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s |%n", s.app(), s.readyMs(), s.idleRssMb(),
                    s.app().equals("web") ? "(no database)" : s.outboxSentBeforeWindow() + " -> " + s.outboxSentBeforeWindowAfterRetention()));
            target(s.app() + " ready in under 2 s, under 200 MB RSS idle", s.readyMs() < SERVICE_READY_MS && s.idleRssMb() < SERVICE_IDLE_RSS_MB,
                    "%.0f ms, %.0f MB".formatted(s.readyMs(), s.idleRssMb()));
            if (!s.app().equals("web")) {
                target(s.app() + ": the retention job keeps the outbox flat", s.outboxSentBeforeWindowAfterRetention() == 0,
                        "%d sent rows older than the window left".formatted(s.outboxSentBeforeWindowAfterRetention()));
            }
        }
    }

    void write() throws IOException {
        json.put("targets", targets);
        JSON.writeValue(out.resolve("results.json").toFile(), json);
        StringBuilder head = new StringBuilder("# Benchmark results (bin/bench, issue 21)\n\nMeasured %s on %d cores, Java %s, against the local stack of `bin/run`.\n\n"
                .formatted(json.get("measuredAt"), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        head.append("| target | result | measured |\n|---|---|---|\n");
        targets.forEach((t, v) -> head.append("| %s | %s | %s |%n".formatted(t, Boolean.TRUE.equals(v.get("met")) ? "met" : "**missed**",
                v.get("measured"))));
        Files.writeString(out.resolve("results.md"), head.append(md).toString());
        if (raw != null && hop != null) {
            Files.writeString(out.resolve("chart.svg"), chart(raw, hop));
        }
    }

    private void target(String name, boolean met, String measured) {
        targets.put(name, Map.of("met", met, "measured", measured));
    }

    private void section(String title) {
        md.append("\n## ").append(title).append("\n\n");
    }

    private void memoryTable(Map<String, Cost.Memory> memory) {
        md.append("| process | RSS MB | PSS MB |\n|---|---|---|\n");
        double rss = 0;
        double pss = 0;
        for (Map.Entry<String, Cost.Memory> m : memory.entrySet()) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f |%n", m.getKey(), m.getValue().rssMb(), m.getValue().pssMb()));
            rss += m.getValue().rssMb();
            pss += m.getValue().pssMb();
        }
        md.append(String.format(Locale.ROOT, "| whole stack | %.0f | %.0f |%n", rss, pss));
    }

    private static String row(String name, Percentiles p) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f |%n", name, p.n(), p.p50(), p.p99(), p.p999());
    }

    /** Grouped bars: p50, p99 and p99.9 of the raw broker and of our hop, on one scale. */
    private static String chart(Percentiles raw, Percentiles hop) {
        double[][] values = { { raw.p50(), raw.p99(), raw.p999() }, { hop.p50(), hop.p99(), hop.p999() } };
        String[] labels = { "p50", "p99", "p99.9" };
        String[] colours = { "#7a8ca3", "#c0504d" };
        double top = Math.max(1, Math.max(Math.max(raw.p999(), hop.p999()), Math.max(raw.p99(), hop.p99())));
        int base = 250;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"520\" height=\"300\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<text x=\"10\" y=\"20\">Latency, ms: raw Kafka (grey) and our one hop (red)</text>\n");
        for (int g = 0; g < labels.length; g++) {
            int x0 = 60 + g * 150;
            for (int s = 0; s < 2; s++) {
                double v = values[s][g];
                double h = Double.isNaN(v) ? 0 : v / top * 200;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"50\" height=\"%.1f\" fill=\"%s\"/>\n",
                        x0 + s * 55, base - h, h, colours[s]));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\">%.1f</text>\n", x0 + s * 55, base - h - 4, v));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>\n", x0 + 35, base + 20, labels[g]));
        }
        return svg.append("</svg>\n").toString();
    }
}
