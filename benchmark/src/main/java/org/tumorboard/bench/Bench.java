package org.tumorboard.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.tumorboard.testsupport.EmbeddedKafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * bin/bench (issue 21): our event path measured beside the raw broker in the same run, on the local stack of bin/run.
 * <ol>
 * <li>Raw Kafka floor: Kafka's own {@code EndToEndLatency} tool against the same broker, acks=all, 1 KB records.</li>
 * <li>One hop: referrals posted one at a time through intake's API with a real Keycloak token; for each, the time from
 * intake's outbox row to staging-service's inbox row, both read from the databases (one PostgreSQL server, one clock),
 * not by polling an HTTP endpoint.</li>
 * </ol>
 * Writes {@code target/bench/results.md}, {@code results.json} and {@code chart.svg}. The whole pathway, sustained load
 * and cost (issue 21 items 3-5) are not measured yet; the results say so.
 */
public final class Bench {

    /** Nearest-rank percentiles, in milliseconds. */
    record Percentiles(int n, double p50, double p99, double p999, double max) {

        static Percentiles of(List<Double> values) {
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
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String REFERRED = "tumorboard.intake.case-referred.v1";
    private static final String E2E_TOPIC = "bench.end-to-end-latency";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        int records = intArg(args, "--records", 2000);
        int referrals = intArg(args, "--referrals", 1000);
        int warmup = intArg(args, "--warmup", 100);
        String kafka = "127.0.0.1:" + env("KAFKA_PORT", "9092");
        String postgres = "127.0.0.1:" + env("POSTGRES_PORT", "5432");
        String keycloak = "http://127.0.0.1:" + env("KEYCLOAK_PORT", "8180");
        String intake = env("INTAKE_URL", "http://127.0.0.1:8081");
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);

        System.out.printf("bench: raw Kafka floor, %d records of 1 KB, acks=all, on %s%n", records, kafka);
        Percentiles raw = rawKafka(kafka, records, out);
        System.out.printf("bench: raw Kafka p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms%n", raw.p50(), raw.p99(), raw.p999());

        System.out.printf("bench: one hop, %d referrals one at a time through %s%n", referrals, intake);
        Instant started = Instant.now();
        if (warmup > 0) {
            System.out.printf("bench: warming up with %d referrals (not measured)%n", warmup);
            oneHop(keycloak, intake, postgres, warmup);
            started = Instant.now();
        }
        Hop measured = oneHop(keycloak, intake, postgres, referrals);
        Percentiles hop = measured.total();
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        System.out.printf("bench: one hop p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms (%d referrals in %.1f s)%n", hop.p50(), hop.p99(),
                hop.p999(), hop.n(), seconds);

        write(out, raw, measured, records, seconds, warmup);
        System.out.println("bench: results in " + out.toAbsolutePath());
    }

    /** Kafka's EndToEndLatency in its own JVM (it ends with System.exit), logged in as the broker's admin. */
    static Percentiles rawKafka(String bootstrap, int records, Path out) throws Exception {
        Map<String, Object> admin = new HashMap<>(EmbeddedKafka.login(EmbeddedKafka.ADMIN));
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin client = Admin.create(admin)) {
            if (!client.listTopics().names().get().contains(E2E_TOPIC)) {
                client.createTopics(List.of(new NewTopic(E2E_TOPIC, 1, (short) 1))).all().get();
            }
        }
        Path properties = out.resolve("kafka-client.properties");
        StringBuilder props = new StringBuilder();
        EmbeddedKafka.login(EmbeddedKafka.ADMIN).forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
        Files.writeString(properties, props.toString());
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.apache.kafka.tools.EndToEndLatency", bootstrap, E2E_TOPIC,
                String.valueOf(records), "all", "1024", properties.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Files.writeString(out.resolve("end-to-end-latency.log"), output);
        Matcher m = Pattern.compile("Percentiles: 50th = ([0-9.]+), 99th = ([0-9.]+), 99\\.9th = ([0-9.]+)").matcher(output);
        if (exit != 0 || !m.find()) {
            throw new IllegalStateException("EndToEndLatency failed (exit " + exit + "): " + output);
        }
        return new Percentiles(records, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)), Double.NaN);
    }

    /**
     * Posts the referrals one at a time, then reads, for each, when the one PostgreSQL server committed: intake's referral
     * (its timeline row, written with the outbox row and never changed), the relay's marking of the outbox row as sent
     * (after the broker's acknowledgement), and staging-service's inbox row for the referral event
     * ({@code pg_xact_commit_timestamp} of each row's {@code xmin}; the local stack runs with
     * {@code track_commit_timestamp=on}).
     */
    static Hop oneHop(String keycloak, String intake, String postgres, int referrals) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String token = token(http, keycloak);
        Instant tokenAt = Instant.now();
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < referrals; i++) {
            if (Duration.between(tokenAt, Instant.now()).toSeconds() > 600) {
                token = token(http, keycloak);
                tokenAt = Instant.now();
            }
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(intake + "/api/referrals"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(referral(i))).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("referral " + i + " answered " + answer.statusCode() + ": " + answer.body());
            }
            cases.add(JSON.readTree(answer.body()).path("caseId").asText());
        }
        Map<String, Instant> received = awaitStamps(postgres, cases);
        Map<String, Instant> committed = stamps(postgres, "intake",
                "select case_id::text, pg_xact_commit_timestamp(xmin) from timeline_entry where type = ? and case_id::text = any(?)", cases);
        Map<String, Instant> sent = awaitSent(postgres, cases);
        List<Double> lags = new ArrayList<>();
        List<Double> relay = new ArrayList<>();
        List<Double> consume = new ArrayList<>();
        for (String c : cases) {
            Instant from = committed.get(c);
            Instant to = received.get(c);
            if (from == null || to == null) {
                throw new IllegalStateException("case " + c + ": outbox row " + from + ", inbox row " + to);
            }
            lags.add(millis(from, to));
            if (sent.get(c) != null) {
                relay.add(millis(from, sent.get(c)));
                consume.add(millis(sent.get(c), to));
            }
        }
        return new Hop(Percentiles.of(lags), Percentiles.of(relay), Percentiles.of(consume));
    }

    /**
     * The hop, and its two halves: from the referral's commit to the commit of the relay's transaction that sent it and
     * marked it sent (after the broker's ack), then to the commit of staging's inbox row (the consumer's fetch and its
     * transaction).
     */
    record Hop(Percentiles total, Percentiles relay, Percentiles consume) {
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1_000_000.0;
    }

    private static Map<String, Instant> awaitSent(String postgres, List<String> cases) throws Exception {
        return stamps(postgres, "intake", "select subject, pg_xact_commit_timestamp(xmin) from outbox_event "
                + "where type = ? and subject = any(?) and sent_at is not null", cases);
    }

    private static Map<String, Instant> awaitStamps(String postgres, List<String> cases) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            Map<String, Instant> received = stamps(postgres, "staging",
                    "select subject, pg_xact_commit_timestamp(xmin) from inbox_event where type = ? and subject = any(?)", cases);
            if (received.size() == cases.size() || System.currentTimeMillis() > deadline) {
                return received;
            }
            Thread.sleep(500);
        }
    }

    private static Map<String, Instant> stamps(String postgres, String database, String select, List<String> cases) throws SQLException {
        Map<String, Instant> stamps = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://" + postgres + "/" + database, database, database);
                PreparedStatement q = db.prepareStatement(select)) {
            Array subjects = db.createArrayOf("text", cases.toArray());
            q.setString(1, REFERRED);
            q.setArray(2, subjects);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (rs.getTimestamp(2) == null) {
                        throw new IllegalStateException("no commit time recorded: the server must run with track_commit_timestamp=on "
                                + "(bin/run's does; restart an older stack)");
                    }
                    stamps.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return stamps;
    }

    private static String token(HttpClient http, String keycloak) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=tumorboard-cli&username=coord-hub&password="
                + URLEncoder.encode("coord-hub", StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/tumorboard/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(answer.body());
        if (answer.statusCode() != 200 || !body.hasNonNull("access_token")) {
            throw new IllegalStateException("Keycloak login of coord-hub answered " + answer.statusCode());
        }
        return body.get("access_token").asText();
    }

    /** A synthetic referral (no real patient): a 12 cm left perirenal mass at the hub. */
    private static String referral(int i) {
        LocalDate ct = LocalDate.now().minusDays(10);
        return """
                {"referringSite":"HUB","patient":{"mrn":"BENCH-%s","givenName":"Bench","familyName":"Case%d","birthDate":"1960-01-01","sex":"OTHER"},
                 "clinicalQuestion":"benchmark referral","neoadjuvantConsidered":false,
                 "imaging":{"ctAbdomenPelvisDate":"%s","chestImaging":{"modality":"CT","date":"%s"},"greatestDimensionCm":12.0,
                  "side":"LEFT","compartment":"PERIRENAL","macroscopicFat":false,"solidEnhancingComponent":true,
                  "suspiciousNodes":false,"distantLesions":false,"suspectedNonSarcoma":null}}
                """.formatted(UUID.randomUUID().toString().substring(0, 18).toUpperCase(Locale.ROOT), i, ct, ct.plusDays(1));
    }

    private static void write(Path out, Percentiles raw, Hop measured, int records, double hopSeconds, int warmup) throws IOException {
        Percentiles hop = measured.total();
        double ratio = hop.p99() / raw.p99();
        boolean met = ratio <= 3.0;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("measuredAt", Instant.now().toString());
        json.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "os", System.getProperty("os.name"),
                "java", System.getProperty("java.version")));
        json.put("rawKafka", Map.of("tool", "org.apache.kafka.tools.EndToEndLatency", "records", records, "recordBytes", 1024,
                "acks", "all", "p50Ms", raw.p50(), "p99Ms", raw.p99(), "p999Ms", raw.p999()));
        json.put("oneHop", Map.of("from", "commit of intake's referral (timeline_entry xmin)", "to",
                "commit of staging's inbox_event row (xmin)", "warmupReferrals", warmup,
                "referrals", hop.n(), "seconds", hopSeconds, "p50Ms", hop.p50(), "p99Ms", hop.p99(), "p999Ms", hop.p999(),
                "maxMs", hop.max()));
        json.put("oneHopHalves", Map.of("referralCommitToRelayCommit", Map.of("p50Ms", measured.relay().p50(), "p99Ms", measured.relay().p99()),
                "relayCommitToInboxCommit", Map.of("p50Ms", measured.consume().p50(), "p99Ms", measured.consume().p99())));
        json.put("oneHopP99OverRawP99", ratio);
        json.put("targetOneHopP99AtMost3xRaw", met ? "met" : "missed");
        json.put("notMeasuredYet", List.of("whole pathway (item 3)", "sustained referrals (item 4)", "cost: start-up, RSS, table growth (item 5)"));
        JSON.writeValue(out.resolve("results.json").toFile(), json);

        String md = """
                # Benchmark results (bin/bench, issue 21)

                Measured %s on %d cores, Java %s, against the local stack of `bin/run` (SASL SCRAM on the broker).

                | path | n | p50 ms | p99 ms | p99.9 ms |
                |---|---|---|---|---|
                | raw Kafka (EndToEndLatency, acks=all, 1 KB) | %d | %.1f | %.1f | %.1f |
                | one hop: intake's referral commit to staging's inbox commit | %d | %.1f | %.1f | %.1f |

                One-hop p99 / raw Kafka p99 = **%.1f** (target: at most 3): **%s**.

                The hop's halves: the referral's commit to the commit of the relay's transaction that sent it (after the
                broker's ack) p50 %.1f ms, p99 %.1f ms; from there to staging's inbox row committed p50 %.1f ms, p99 %.1f ms (the
                consumer does not wait for the relay's commit: the halves overlap, and the second can be near zero).

                Commit times are read from the one PostgreSQL server (`pg_xact_commit_timestamp` of each row's `xmin`, with
                `track_commit_timestamp=on`): intake's timeline row of the referral (same transaction as its outbox row), the
                outbox row as the relay marked it sent, and staging-service's inbox row. %d referrals were posted first to warm
                up and are not counted. Raw Kafka's tool reports whole milliseconds. Not measured yet: the whole pathway,
                sustained referrals and cost (issue 21 items 3-5).
                """.formatted(json.get("measuredAt"), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                records, raw.p50(), raw.p99(), raw.p999(), hop.n(), hop.p50(), hop.p99(), hop.p999(), ratio, met ? "met" : "missed",
                measured.relay().p50(), measured.relay().p99(), measured.consume().p50(), measured.consume().p99(), warmup);
        Files.writeString(out.resolve("results.md"), md);
        Files.writeString(out.resolve("chart.svg"), chart(raw, hop));
    }

    /** Grouped bars: p50, p99 and p99.9 of the raw broker and of our hop, on one scale. */
    private static String chart(Percentiles raw, Percentiles hop) {
        double[][] values = { { raw.p50(), raw.p99(), raw.p999() }, { hop.p50(), hop.p99(), hop.p999() } };
        String[] labels = { "p50", "p99", "p99.9" };
        String[] colours = { "#7a8ca3", "#c0504d" };
        double top = Math.max(1, Math.max(Math.max(raw.p999(), hop.p999()), Math.max(raw.p99(), hop.p99())));
        int width = 520;
        int height = 300;
        int base = 250;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                + "\" font-family=\"sans-serif\" font-size=\"12\">\n");
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

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
