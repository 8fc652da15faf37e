package org.tumorboard.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Item 3, the whole pathway: each case from referral through biopsy report, staging, scheduling, five votes, decision,
 * surgery, resection report and surveillance schedule, driven through the public APIs with the demo users' Keycloak
 * tokens, {@code clients} cases at a time. Then checked in the databases, not assumed: every case's effects exactly
 * once (intake's timeline, pathology's reports, staging's stagings, board's votes, decision and treatment), every event
 * of the cases in the inbox of every service that subscribes to its topic (nothing lost), and each event's lag from the
 * producer's transaction to each consumer's inbox commit.
 */
final class Pathway {

    /** Who subscribes to which topic: the services' {@code mp.messaging.incoming.case-events.topics}. */
    static final Map<String, List<String>> SUBSCRIPTIONS = Map.of(
            "intake", List.of("intake.case-events", "pathology.report-events", "staging.stage-events", "board.case-events"),
            "pathology", List.of("intake.case-events", "board.case-events"),
            "staging", List.of("intake.case-events", "pathology.report-events", "board.case-events"),
            "board", List.of("intake.case-events", "pathology.report-events", "staging.stage-events"));

    /** Intake's timeline of a case at the end of this pathway: each fact once, the staging twice (clinical, then pathologic). */
    static final Map<String, Integer> TIMELINE = Map.of(
            "tumorboard.intake.case-referred.v1", 1, "tumorboard.intake.workup-completed.v1", 1,
            "tumorboard.pathology.biopsy-reported.v1", 1, "tumorboard.staging.case-staged.v1", 2,
            "tumorboard.board.case-scheduled.v1", 1, "tumorboard.board.plan-decided.v1", 1,
            "tumorboard.board.treatment-recorded.v1", 1, "tumorboard.pathology.resection-reported.v1", 1,
            "tumorboard.board.surveillance-scheduled.v1", 1);

    static final List<String> MEMBERS = List.of("surgeon", "radiologist", "patho", "medonc", "radonc");
    static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

    record Result(int cases, int clients, double seconds, List<String> errors, Map<String, Percentiles> apiLatency,
            Map<String, Percentiles> eventLag, int lostEvents, List<String> doubled, Map<String, Map<String, Long>> tableGrowth) {

        boolean clean() {
            return errors.isEmpty() && lostEvents == 0 && doubled.isEmpty();
        }
    }

    private final Stack stack;
    private final Map<String, List<Double>> apiLatency = new ConcurrentHashMap<>();

    Pathway(Stack stack) {
        this.stack = stack;
    }

    Result run(int cases, int clients) throws Exception {
        Map<String, Map<String, Long>> before = Tables.rows(stack);
        openMeetings(cases);
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        Instant started = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < clients; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < cases; i = next.getAndIncrement()) {
                    try {
                        done.add(oneCase(i));
                    } catch (Exception e) {
                        errors.add("case " + i + ": " + e.getMessage());
                    }
                    if ((i + 1) % 100 == 0) {
                        System.out.printf("bench: pathway, %d cases started%n", i + 1);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double seconds = Stack.millis(started, Instant.now()) / 1000;
        Map<String, Map<String, Long>> after = Tables.rows(stack);
        List<String> ids = new ArrayList<>(done);
        Map<String, Percentiles> latency = new TreeMap<>();
        apiLatency.forEach((step, values) -> latency.put(step, Percentiles.of(values)));
        Events events = events(ids);
        return new Result(cases, clients, seconds, errors, latency, events.lag(), events.lost(), doubled(ids),
                Tables.growth(before, after, ids.size()));
    }

    /** Meetings with room for every case (capacity 100 each), on the days after today. */
    private void openMeetings(int cases) throws Exception {
        for (int i = 0; i <= cases / 100; i++) {
            stack.call("chair", "POST", stack.board + "/api/meetings",
                    "{\"date\":\"%s\",\"capacity\":100}".formatted(LocalDate.now().plusDays(1 + i)), 201);
        }
    }

    private String oneCase(int i) throws Exception {
        String caseId = timed("referral", () -> stack.call(Referrals.COORDINATOR, "POST", stack.intake + "/api/referrals",
                Referrals.referral(i), 201)).path("caseId").asText();
        String cases = "/api/cases/" + caseId;
        Stack.await("case " + caseId + " on the pathologist's side", STEP_TIMEOUT,
                () -> stack.send("patho", "GET", stack.pathology + cases + "/reports", null).status() == 200);
        timed("biopsy report", () -> stack.call("patho", "POST", stack.pathology + cases + "/biopsy-reports", """
                {"specimenType":"CORE_NEEDLE","histology":"DEDIFFERENTIATED_LIPOSARCOMA",
                 "ihc":[{"marker":"MDM2","result":"POSITIVE"},{"marker":"CD45","result":"NEGATIVE"}],
                 "molecular":{"mdm2Amplified":true,"cdk4Amplified":true,"method":"FISH"},
                 "fnclcc":{"differentiation":3,"mitosesPer10Hpf":12,"necrosisPercent":30}}""", 201));
        Stack.await("case " + caseId + " on a meeting's agenda", STEP_TIMEOUT,
                () -> stack.send("chair", "GET", stack.board + cases + "/board", null).body().hasNonNull("meetingId"));
        for (String member : MEMBERS) {
            timed("vote", () -> stack.call(member, "POST", stack.board + cases + "/votes",
                    "{\"option\":\"UPFRONT_RESECTION\",\"rationale\":\"Resectable en bloc with the left kidney and colon\"}", 201));
        }
        timed("decision", () -> stack.call("chair", "POST", stack.board + cases + "/decision", null, 201));
        timed("surgery", () -> stack.call("surgeon", "POST", stack.board + cases + "/treatments",
                "{\"type\":\"SURGERY\",\"date\":\"%s\",\"enBloc\":true,\"organsResected\":[\"KIDNEY_LEFT\",\"COLON_LEFT\"]}"
                        .formatted(LocalDate.now()), 201));
        timed("resection report", () -> stack.call("patho", "POST", stack.pathology + cases + "/resection-reports",
                "{\"margin\":\"R0\",\"blocksSampled\":40,\"greatestDimensionCm\":11.5,\"nodesExamined\":2,\"nodesPositive\":0}", 201));
        Stack.await("case " + caseId + " in surveillance", STEP_TIMEOUT,
                () -> stack.send("nurse-hub", "GET", stack.board + cases + "/surveillance", null).body().path("inSurveillance").asBoolean());
        JsonNode schedule = stack.call("nurse-hub", "GET", stack.board + cases + "/surveillance", null, 200);
        // rps-reference.md surveillance, G2/G3: 3-monthly to month 36, 6-monthly to 60, yearly to 120 = 21 visits
        if (schedule.path("visits").size() != 21) {
            throw new IllegalStateException("case " + caseId + ": " + schedule.path("visits").size() + " surveillance visits, not 21");
        }
        return caseId;
    }

    private JsonNode timed(String step, Step call) throws Exception {
        long start = System.nanoTime();
        JsonNode answer = call.run();
        apiLatency.computeIfAbsent(step, s -> Collections.synchronizedList(new ArrayList<>())).add((System.nanoTime() - start) / 1e6);
        return answer;
    }

    private interface Step {
        JsonNode run() throws Exception;
    }

    private record Events(Map<String, Percentiles> lag, int lost) {
    }

    private record Published(String topic, String type, Instant created) {
    }

    /**
     * Every event the services published for the cases, and whether and when each subscriber's inbox committed it
     * (waiting up to a minute for the last ones): the lag per event type and subscriber, and the events never received.
     */
    private Events events(List<String> ids) throws Exception {
        Map<String, Published> published = new HashMap<>();
        for (String producer : Stack.SERVICES) {
            try (Connection db = stack.db(producer);
                    PreparedStatement q = db.prepareStatement("select id::text, topic, type, created_at from outbox_event where subject = any(?)")) {
                q.setArray(1, db.createArrayOf("text", ids.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        published.put(rs.getString(1), new Published(rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
                    }
                }
            }
        }
        Map<String, List<Double>> lags = new TreeMap<>();
        int lost = 0;
        for (String consumer : Stack.SERVICES) {
            List<String> expected = published.entrySet().stream().filter(e -> SUBSCRIPTIONS.get(consumer).contains(e.getValue().topic()))
                    .map(Map.Entry::getKey).toList();
            Map<String, Instant> received = Map.of();
            Instant deadline = Instant.now().plusSeconds(60);
            while (Instant.now().isBefore(deadline)) {
                received = Commits.stamps(stack, consumer,
                        "select event_id::text, pg_xact_commit_timestamp(xmin) from inbox_event where event_id::text = any(?)", null, expected);
                if (received.size() == expected.size()) {
                    break;
                }
                Thread.sleep(500);
            }
            lost += expected.size() - received.size();
            for (Map.Entry<String, Instant> r : received.entrySet()) {
                Published p = published.get(r.getKey());
                lags.computeIfAbsent(p.type().replace("tumorboard.", "") + " -> " + consumer, k -> new ArrayList<>())
                        .add(Stack.millis(p.created(), r.getValue()));
            }
        }
        Map<String, Percentiles> lag = new LinkedHashMap<>();
        lags.forEach((step, values) -> lag.put(step, Percentiles.of(values)));
        return new Events(lag, lost);
    }

    /** The cases whose effects are not each exactly once: intake's timeline, pathology's reports, staging's stagings, board's votes, decision and treatment. */
    private List<String> doubled(List<String> ids) throws Exception {
        List<String> doubled = new ArrayList<>();
        Map<String, Map<String, Integer>> timelines = counts("intake", "select case_id::text, type from timeline_entry where case_id::text = any(?)", ids);
        Map<String, Map<String, Integer>> reports = counts("pathology", "select case_id::text, kind from pathology_report where case_id::text = any(?)", ids);
        Map<String, Map<String, Integer>> stagings = counts("staging", "select case_id::text, prefix from staging where case_id::text = any(?)", ids);
        Map<String, Map<String, Integer>> board = counts("board", "select case_id::text, 'vote' from vote where case_id::text = any(?) "
                + "union all select case_id::text, 'decision' from decision where case_id::text = any(?) "
                + "union all select case_id::text, 'treatment' from treatment where case_id::text = any(?)", ids);
        for (String id : ids) {
            expect(doubled, id, "intake timeline", timelines.get(id), TIMELINE);
            expect(doubled, id, "pathology reports", reports.get(id), Map.of("BIOPSY", 1, "RESECTION", 1));
            expect(doubled, id, "stagings", stagings.get(id), Map.of("c", 1, "p", 1));
            expect(doubled, id, "board", board.get(id), Map.of("vote", 5, "decision", 1, "treatment", 1));
        }
        return doubled;
    }

    private static void expect(List<String> doubled, String id, String what, Map<String, Integer> actual, Map<String, Integer> expected) {
        if (!expected.equals(actual == null ? Map.of() : actual)) {
            doubled.add(id + " " + what + ": " + actual + ", expected " + expected);
        }
    }

    private Map<String, Map<String, Integer>> counts(String service, String select, List<String> ids) throws Exception {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        try (Connection db = stack.db(service); PreparedStatement q = db.prepareStatement(select)) {
            Array array = db.createArrayOf("text", ids.toArray());
            for (int i = 1; i <= q.getParameterMetaData().getParameterCount(); i++) {
                q.setArray(i, array);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).merge(rs.getString(2), 1, Integer::sum);
                }
            }
        }
        return counts;
    }
}
