package org.tumorboard.systemtest;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tumorboard.systemtest.Api.as;
import static org.tumorboard.systemtest.SystemStack.Service.BOARD;
import static org.tumorboard.systemtest.SystemStack.Service.INTAKE;
import static org.tumorboard.systemtest.SystemStack.Service.PATHOLOGY;
import static org.tumorboard.systemtest.SystemStack.Service.STAGING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.Topics;

import io.restassured.path.json.JsonPath;

/**
 * The delivery guarantees of architecture.md under faults, on the running stack: a consumer killed (SIGKILL) mid-stream,
 * a producer killed before and while its outbox is published, the broker stopped for 30 s, one service's PostgreSQL
 * stopped for 30 s, and already consumed events delivered again in reverse order across topics. Each scenario counts
 * cases in, cases reaching the expected end state, lost and duplicated effects, and the recovery time after the fault
 * ends (for a killed service: from its restart, its start-up included; for the broker and the database: from the
 * moment they accept connections again); the figures are printed and written to {@code target/fault-figures.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(3)
class FaultToleranceTest {

    /** The volume of each load (100 by default, so CI stays under its budget; -Dfaults.cases=200 for the full run). */
    private static final int CASES = Integer.getInteger("faults.cases", 100);
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(3);

    record Figure(String scenario, int in, int reached, int lost, int duplicated, long recoveryMillis, String notes) {
        @Override
        public String toString() {
            return "%-44s in %4d  reached %4d  lost %d  duplicated %d  recovery %5.1f s  %s".formatted(scenario, in, reached, lost,
                    duplicated, recoveryMillis / 1000.0, notes);
        }
    }

    private final List<Figure> figures = new CopyOnWriteArrayList<>();
    private final List<String> scheduledCases = new CopyOnWriteArrayList<>();
    private int meetingDayOffset = 40;

    @BeforeAll
    void stackIsUp() {
        SystemStack.get();
    }

    @AfterAll
    void report() throws IOException {
        String text = figures.stream().map(Figure::toString).collect(Collectors.joining("\n"));
        System.out.println("Fault scenarios:\n" + text);
        Files.writeString(Path.of("target", "fault-figures.txt"), text + "\n");
    }

    @Test
    @Order(1)
    void stagingKilledMidStream() {
        consumerKilledMidStream("staging-service");
    }

    @Test
    @Order(2)
    void boardKilledMidStream() {
        consumerKilledMidStream("board-service");
    }

    /** 1. Consumer crash: SIGKILL while biopsy reports flow, restart; every case staged and scheduled exactly once. */
    private void consumerKilledMidStream(String victim) {
        List<String> cases = referAndAwaitPathology(CASES);
        roomOnTheBoard(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            postBiopsy(cases.get(i));
            if (i == cases.size() / 3) {
                SystemStack.get().process(victim).kill();
            }
        }
        long faultEnded = System.currentTimeMillis();
        SystemStack.get().process(victim).start().awaitReady(Duration.ofMinutes(2));
        long recovered = awaitStagedAndScheduled(cases);
        Check check = checkStagedAndScheduledOnce(cases);
        figures.add(new Figure("consumer crash: kill -9 " + victim, cases.size(), check.reached, cases.size() - check.reached,
                check.duplicated, recovered - faultEnded, "killed after " + (cases.size() / 3 + 1) + " biopsy reports"));
        reachedOnce(cases, check);
    }

    /** 2a. Producer crash: reports committed with the relay held back, SIGKILL, restart: each event published once. */
    @Test
    @Order(3)
    void pathologyKilledBeforePublishing() {
        StackProcess pathology = SystemStack.get().process("pathology-service");
        List<String> cases = reportsWithTheRelayHeldBack(pathology, CASES / 4);
        StackProcess.sleep(2_000);
        assertEquals(0, biopsyEvents(cases).size(), "nothing is published while the relay is held back");
        pathology.kill();
        long faultEnded = System.currentTimeMillis();
        pathology.start().awaitReady(Duration.ofMinutes(2));
        long recovered = awaitStagedAndScheduled(cases);
        Map<String, List<ConsumerRecord<String, String>>> events = biopsyEvents(cases);
        int published = (int) cases.stream().filter(events::containsKey).count();
        int twice = (int) events.values().stream().filter(list -> list.size() > 1).count();
        Check check = checkStagedAndScheduledOnce(cases);
        figures.add(new Figure("producer crash: kill -9 pathology before relay", cases.size(), Math.min(published, check.reached),
                cases.size() - published, twice + check.duplicated, recovered - faultEnded,
                "biopsy-reported published " + published + "/" + cases.size()));
        assertEquals(cases.size(), published);
        assertEquals(0, twice, "each report's event is published once");
        reachedOnce(cases, check);
    }

    /**
     * 2b. Producer crash while the relay publishes: a backlog of reports is committed with the relay held back, then
     * the relay starts and the service is killed as soon as the first of them reaches the broker, mid-batch. After the
     * restart every event is there; one published twice keeps its id, so nothing counts twice.
     */
    @Test
    @Order(4)
    void pathologyKilledWhilePublishing() {
        StackProcess pathology = SystemStack.get().process("pathology-service");
        List<String> cases = reportsWithTheRelayHeldBack(pathology, CASES / 2);
        pathology.stop(Duration.ofSeconds(20));
        pathology.start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (biopsyEvents(cases).isEmpty()) {
            assertTrue(System.currentTimeMillis() < deadline, "the relay published nothing");
            StackProcess.sleep(20);
        }
        pathology.kill();
        Map<String, List<ConsumerRecord<String, String>>> atKill = biopsyEvents(cases);
        int unmarkedAtKill = unsentRows(cases);
        // The kill rarely lands between the broker's acknowledgement and the sent mark (a few milliseconds). That window
        // is reproduced for half of the published cases by clearing their sent mark while the service is down.
        List<String> reopened = atKill.keySet().stream().limit(atKill.size() / 2).toList();
        int cleared = clearSentMark(reopened);
        long faultEnded = System.currentTimeMillis();
        pathology.start().awaitReady(Duration.ofMinutes(2));
        long recovered = awaitStagedAndScheduled(cases);
        Map<String, List<ConsumerRecord<String, String>>> events = biopsyEvents(cases);
        int published = (int) cases.stream().filter(events::containsKey).count();
        int records = events.values().stream().mapToInt(List::size).sum();
        int distinctIdsTwice = (int) events.values().stream()
                .filter(list -> list.stream().map(r -> Broker.header(r, "ce_id")).distinct().count() > 1).count();
        Check check = checkStagedAndScheduledOnce(cases);
        figures.add(new Figure("producer crash: kill -9 pathology mid-relay", cases.size(), Math.min(published, check.reached),
                cases.size() - published, distinctIdsTwice + check.duplicated, recovered - faultEnded,
                "at the kill: " + atKill.size() + " published, " + unmarkedAtKill + " rows unmarked; sent mark cleared for "
                        + cleared + "; records after restart " + records + " (republished, same id: " + (records - published) + ")"));
        assertTrue(records - published >= cleared, "every row whose mark was cleared was published again");
        assertEquals(cases.size(), published);
        assertEquals(0, distinctIdsTwice, "a republished event keeps its id");
        reachedOnce(cases, check);
    }

    /** 3. Broker outage: referrals keep being accepted (outbox), readiness says so, everything flows afterwards. */
    @Test
    @Order(5)
    void brokerStoppedForThirtySeconds() {
        StackProcess kafka = SystemStack.get().process("kafka");
        kafka.stop(Duration.ofSeconds(30));
        long outageStarted = System.currentTimeMillis();
        List<String> cases = new ArrayList<>();
        boolean readinessDown = false;
        long slowestPost = 0;
        long slowestReadiness = 0;
        while (System.currentTimeMillis() - outageStarted < OUTAGE.toMillis()) {
            long t = System.currentTimeMillis();
            cases.add(refer());
            slowestPost = Math.max(slowestPost, System.currentTimeMillis() - t);
            if (cases.size() % 10 == 1) {
                t = System.currentTimeMillis();
                readinessDown |= Api.anonymous(INTAKE).get("/q/health/ready").statusCode() == 503;
                slowestReadiness = Math.max(slowestReadiness, System.currentTimeMillis() - t);
            }
            StackProcess.sleep(250);
        }
        kafka.start().awaitReady(Duration.ofMinutes(2));
        long faultEnded = System.currentTimeMillis();
        long recovered = awaitAll("outage referrals known to every service, intake at BIOPSY", cases, c ->
                "BIOPSY".equals(as("coord-hub", INTAKE).get("/api/cases/" + c).jsonPath().getString("status"))
                        && as("coord-hub", PATHOLOGY).get("/api/cases/" + c + "/reports").statusCode() == 200
                        && as("coord-hub", STAGING).get("/api/cases/" + c + "/staging").statusCode() == 200
                        && as("coord-hub", BOARD).get("/api/cases/" + c + "/board").statusCode() == 200);
        awaitReady("intake-service");
        int duplicated = (int) cases.stream().filter(c -> duplicateTimelineEntries(c) > 0).count();
        figures.add(new Figure("broker stopped 30 s", cases.size(), cases.size(), 0, duplicated, recovered - faultEnded,
                "every POST 201 (slowest " + slowestPost + " ms); readiness 503 seen: " + readinessDown + " (slowest answer "
                        + slowestReadiness + " ms); recovery from the broker's restart"));
        assertTrue(readinessDown, "intake's readiness reports the broker down");
        assertTrue(slowestReadiness < 10_000, "readiness answers while the broker is down: " + slowestReadiness + " ms");
        assertEquals(0, duplicated);
    }

    /** 4. One service's database stopped: 503 problem, readiness down, consumers pause, nothing missing afterwards. */
    @Test
    @Order(6)
    void stagingDatabaseStoppedForThirtySeconds() {
        String known = scheduledCases.isEmpty() ? refer() : scheduledCases.get(0);
        List<String> cases = referAndAwaitPathology(20);
        roomOnTheBoard(cases.size());
        StackProcess database = SystemStack.get().process("postgres-staging");
        database.stop(Duration.ofSeconds(30));
        long outageStarted = System.currentTimeMillis();
        long answeredIn = System.currentTimeMillis();
        as("coord-hub", STAGING).get("/api/cases/" + known + "/staging").then().statusCode(503)
                .contentType("application/problem+json").body("type", startsWith("https://tumorboard.org/problems/"));
        answeredIn = System.currentTimeMillis() - answeredIn;
        int readiness = Api.anonymous(STAGING).get("/q/health/ready").statusCode();
        cases.forEach(this::postBiopsy);
        StackProcess.sleep(Math.max(0, OUTAGE.toMillis() - (System.currentTimeMillis() - outageStarted)));
        assertEquals(0, stagedEvents(cases).size(), "nothing is staged while staging's database is down");
        database.start().awaitReady(Duration.ofMinutes(2));
        long faultEnded = System.currentTimeMillis();
        long recovered = awaitStagedAndScheduled(cases);
        Check check = checkStagedAndScheduledOnce(cases);
        long deadLettered = Broker.everyRecord("staging-service.dead-letter").stream().filter(r -> cases.contains(r.key())).count();
        figures.add(new Figure("staging's PostgreSQL stopped 30 s", cases.size(), check.reached, cases.size() - check.reached,
                check.duplicated, recovered - faultEnded, "API 503 problem in " + answeredIn + " ms, readiness " + readiness
                        + ", dead-lettered " + deadLettered));
        assertEquals(503, readiness, "staging's readiness reports its database down");
        assertTrue(answeredIn < 10_000, "the API answers, it does not hang: " + answeredIn + " ms");
        assertEquals(0, deadLettered, "the consumer paused; it did not skip events to the dead-letter topic");
        reachedOnce(cases, check);
    }

    /** 5. Every event of a sample of cases delivered again, newest first across all four topics: nothing changes. */
    @Test
    @Order(7)
    void consumedEventsRedeliveredInReverseOrderChangeNothing() {
        List<String> sample = new ArrayList<>(scheduledCases.isEmpty() ? List.of() : scheduledCases.subList(0, Math.min(20, scheduledCases.size())));
        if (sample.isEmpty()) {
            List<String> cases = referAndAwaitPathology(5);
            roomOnTheBoard(cases.size());
            cases.forEach(this::postBiopsy);
            awaitStagedAndScheduled(cases);
            sample.addAll(cases);
        }
        awaitNoLag();
        Map<String, String> before = snapshot(sample);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (String topic : List.of(Topics.INTAKE, Topics.PATHOLOGY, Topics.STAGING, Topics.BOARD)) {
            Broker.everyRecord(topic).stream().filter(r -> sample.contains(r.key())).forEach(records::add);
        }
        records.sort((a, b) -> Long.compare(b.timestamp(), a.timestamp()));
        long started = System.currentTimeMillis();
        Broker.republish(records);
        int statusChanges = 0;
        while (!noLag()) {
            for (String c : sample.subList(0, Math.min(5, sample.size()))) {
                String status = as("coord-hub", INTAKE).get("/api/cases/" + c).jsonPath().getString("status");
                if (!before.get(c).contains("\"status\":\"" + status + "\"")) {
                    statusChanges++;
                }
            }
            StackProcess.sleep(200);
            assertTrue(System.currentTimeMillis() - started < RECOVERY_LIMIT.toMillis(), "consumers did not catch up");
        }
        long caughtUp = System.currentTimeMillis() - started;
        Map<String, String> after = snapshot(sample);
        int changed = (int) sample.stream().filter(c -> !before.get(c).equals(after.get(c))).count();
        figures.add(new Figure("redelivery, reverse order across topics", records.size(), records.size() - changed, 0,
                changed + statusChanges, caughtUp, sample.size() + " cases, every event again; consumers caught up"));
        assertEquals(0, statusChanges, "status never moved while the duplicates arrived");
        assertEquals(0, changed, () -> sample.stream().filter(c -> !before.get(c).equals(after.get(c)))
                .map(c -> "before " + before.get(c) + "\nafter  " + after.get(c)).collect(Collectors.joining("\n")));
    }

    /**
     * 6. Poison: a malformed record on each consumed topic goes to the dead-letter topic of every service consuming it,
     * with its reason, and the flow goes on. A biopsy event with a broken payload (pathology's outbox written by a faulty
     * version) is dead-lettered too; the operator finds it in each consuming service, and pathology, its owner, publishes
     * the correction once: every consumer applies it and closes its dead letter (issue 22, item 6).
     */
    @Test
    @Order(8)
    void poisonMessagesAreDeadLetteredAndAFixedOneIsReplayed() {
        Map<String, List<String>> consumers = Map.of(
                Topics.INTAKE, List.of("intake", "pathology", "staging", "board"),
                Topics.PATHOLOGY, List.of("intake", "staging", "board"),
                Topics.STAGING, List.of("intake", "board"),
                Topics.BOARD, List.of("intake", "pathology", "staging"));
        Map<String, String> poisonKeys = new HashMap<>();
        long started = System.currentTimeMillis();
        for (String topic : consumers.keySet()) {
            String key = java.util.UUID.randomUUID().toString();
            poisonKeys.put(topic, key);
            Broker.publish(topic, key, "{\"this is\": \"not a CloudEvent", Map.of());
        }
        // A real case, referred; then its biopsy event as a faulty producer would send it: the JSON cut short.
        String caseId = referAndAwaitPathology(1).get(0);
        ConsumerRecord<String, String> template = Broker.everyRecord(Topics.PATHOLOGY).stream()
                .filter(r -> CaseEventTypes.BIOPSY_REPORTED.name().equals(Broker.header(r, "ce_type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no biopsy-reported event to copy; the earlier scenarios post some"));
        String fixedValue = template.value().replace(template.key(), caseId);
        String eventId = faultyPathologyPublishes(caseId, fixedValue.substring(0, fixedValue.length() / 2));

        // The flow goes on: a case referred and reported after the poison is staged and scheduled.
        List<String> after = referAndAwaitPathology(1);
        roomOnTheBoard(1);
        postBiopsy(after.get(0));
        awaitStagedAndScheduled(after);

        int deadLettered = 0;
        List<String> missing = new ArrayList<>();
        for (var entry : consumers.entrySet()) {
            for (String service : entry.getValue()) {
                String key = poisonKeys.get(entry.getKey());
                List<ConsumerRecord<String, String>> dead = Broker.everyRecord(service + "-service.dead-letter").stream()
                        .filter(r -> key.equals(r.key())).toList();
                if (dead.size() == 1 && Broker.header(dead.get(0), "dead-letter-reason") != null) {
                    deadLettered++;
                } else {
                    missing.add(service + " for " + entry.getKey() + " (" + dead.size() + ")");
                }
            }
        }
        // Each consumer of the pathology topic keeps the broken biopsy event. A value fixed in one of them would reach that
        // one only, so it is refused there; pathology, the owner, corrects its event once and every consumer receives it.
        Map<SystemStack.Service, String> letters = new java.util.LinkedHashMap<>();
        for (SystemStack.Service service : List.of(INTAKE, STAGING, BOARD)) {
            String id = awaitDeadLetter(service, caseId);
            as("operator", service).get("/api/dead-letters/" + id).then().statusCode(200)
                    .body("headers.ce_id", org.hamcrest.Matchers.equalTo(eventId))
                    .body("reason", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
            letters.put(service, id);
        }
        as("operator", STAGING).body(Map.of("value", fixedValue, "reason", "the biopsy's grade restored from the signed report"))
                .post("/api/dead-letters/" + letters.get(STAGING) + "/replay").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("value"));
        as("operator", PATHOLOGY).body(Map.of("value", fixedValue, "reason", "the biopsy's grade restored from the signed report"))
                .post("/api/events/" + eventId + "/correction").then().statusCode(200)
                .body("corrects", org.hamcrest.Matchers.equalTo(eventId));
        long replayDone = System.currentTimeMillis();
        awaitAll("the replayed biopsy reaches the case in every service", List.of(caseId), c ->
                as("coord-hub", STAGING).get("/api/cases/" + c + "/staging").jsonPath().getBoolean("complete")
                        && "BOARD_SCHEDULED".equals(as("coord-hub", INTAKE).get("/api/cases/" + c).jsonPath().getString("status")));
        int corrected = 0;
        for (var letter : letters.entrySet()) {
            String outcome = as("operator", letter.getKey()).get("/api/dead-letters/" + letter.getValue()).jsonPath().getString("replayOutcome");
            corrected += "CORRECTED".equals(outcome) ? 1 : 0;
        }
        figures.add(new Figure("poison on every consumed topic + owner's correction", 12, deadLettered, 12 - deadLettered, 0,
                System.currentTimeMillis() - replayDone, "dead-lettered with a reason " + deadLettered + "/12; broken biopsy "
                        + "corrected once by pathology, dead letters closed in " + corrected + "/3 consumers; flow went on; "
                        + (replayDone - started) + " ms in all"));
        assertEquals(3, corrected, "the owner's one correction closed the dead letter in every consumer");
        assertEquals(List.of(), missing, "every consumer of each topic dead-letters its poison record once, with a reason");
        assertEquals(12, deadLettered);
    }

    /**
     * 7. Rebuild: intake's case registry (every case's status and timeline; not the referrals, patients and imaging it
     * owns) is dropped and rebuilt by replaying the four topics from the beginning. It must equal what it was, and
     * publish nothing.
     */
    @Test
    @Order(9)
    void intakeRegistryRebuiltFromTheTopicsEqualsWhatItWas() {
        awaitNoLag();
        List<String> cases = allCases();
        Map<String, List<String>> before = timelines(cases);
        int published = Broker.everyRecord(Topics.INTAKE).size();
        long started = System.currentTimeMillis();
        JsonPath result = as("operator", INTAKE).post("/api/admin/rebuild").then().statusCode(200).extract().jsonPath();
        long took = System.currentTimeMillis() - started;
        Map<String, List<String>> after = timelines(cases);
        int lost = 0;
        int duplicated = 0;
        List<String> differences = new ArrayList<>();
        for (String c : cases) {
            List<String> missing = new ArrayList<>(before.get(c));
            after.get(c).forEach(missing::remove);
            List<String> extra = new ArrayList<>(after.get(c));
            before.get(c).forEach(extra::remove);
            lost += missing.size();
            duplicated += extra.size();
            if (!before.get(c).equals(after.get(c))) {
                differences.add(c + "\n  before " + before.get(c) + "\n  after  " + after.get(c));
            }
        }
        int entries = before.values().stream().mapToInt(List::size).sum();
        figures.add(new Figure("rebuild of intake's registry from the topics", entries, entries - lost, lost, duplicated, took,
                cases.size() + " cases; replayed " + result.getInt("records") + " records, applied " + result.getInt("applied")
                        + ", skipped " + result.getInt("skipped") + " (poison never fixed); identical cases "
                        + (cases.size() - differences.size())));
        assertEquals(published, Broker.everyRecord(Topics.INTAKE).size(), "a rebuild publishes nothing");
        assertEquals(List.of(), differences.subList(0, Math.min(5, differences.size())), differences.size() + " cases differ");
    }

    private static List<String> allCases() {
        List<String> cases = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<String> items = as("coord-hub", INTAKE).queryParam("page", page).queryParam("size", 100).get("/api/cases")
                    .then().statusCode(200).extract().jsonPath().getList("items.caseId");
            if (items.isEmpty()) {
                return cases;
            }
            cases.addAll(items);
        }
    }

    /** Each case's status and timeline entries (type, time, summary), as intake shows them. */
    private static Map<String, List<String>> timelines(List<String> cases) {
        Map<String, List<String>> views = new HashMap<>();
        for (String c : cases) {
            JsonPath view = as("coord-hub", INTAKE).get("/api/cases/" + c).jsonPath();
            List<String> entries = new ArrayList<>();
            entries.add("status " + view.getString("status"));
            List<Map<String, Object>> timeline = view.getList("timeline");
            timeline.forEach(e -> entries.add(e.get("type") + " " + e.get("time") + " " + e.get("summary")));
            views.put(c, entries);
        }
        return views;
    }

    private static String awaitDeadLetter(SystemStack.Service service, String key) {
        String[] id = new String[1];
        awaitAll(service + " keeps the dead letter", List.of(key), k -> {
            List<String> ids = as("operator", service).queryParam("limit", 1000).get("/api/dead-letters").jsonPath()
                    .getList("findAll { it.key == '" + k + "' }.id");
            id[0] = ids.isEmpty() ? null : ids.get(0);
            return id[0] != null;
        });
        return id[0];
    }

    // ---- the pathway, driven as the demo users do

    private String refer() {
        return as("coord-hub", INTAKE).body(Patients.referral("HUB", Patients.next(), 12.5)).post("/api/referrals")
                .then().statusCode(201).extract().jsonPath().getString("caseId");
    }

    private List<String> referAndAwaitPathology(int n) {
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cases.add(refer());
        }
        awaitAll("pathology has every case on its worklist", List.of("worklist"), x -> {
            Set<String> listed = new HashSet<>(as("patho", PATHOLOGY).get("/api/worklist").jsonPath().getList("caseId"));
            return listed.containsAll(cases);
        });
        return cases;
    }

    private void postBiopsy(String caseId) {
        as("patho", PATHOLOGY).body(Map.of(
                "specimenType", "CORE_NEEDLE",
                "histology", "LEIOMYOSARCOMA",
                "ihc", List.of(Map.of("marker", "DESMIN", "result", "POSITIVE")),
                "fnclcc", Map.of("differentiation", 2, "mitosesPer10Hpf", 15, "necrosisPercent", 20)))
                .post("/api/cases/" + caseId + "/biopsy-reports").then().statusCode(201);
    }

    /** Meetings with room for n more cases (the chair's meetings of 100, on days no other test uses). */
    private void roomOnTheBoard(int n) {
        for (int room = 0; room < n; room += 100) {
            as("chair", BOARD).body(Map.of("date", LocalDate.now(ZoneOffset.UTC).plusDays(meetingDayOffset++).toString(), "capacity", 100))
                    .post("/api/meetings").then().statusCode(201);
        }
    }

    /** Every case staged and scheduled once; those cases then serve the later scenarios. */
    private void reachedOnce(List<String> cases, Check check) {
        assertEquals(cases.size(), check.reached, check.problems.toString());
        assertEquals(0, check.duplicated, check.problems.toString());
        scheduledCases.addAll(cases);
    }

    /** Pathology restarted with its outbox relay held back, then n cases referred and their biopsies reported. */
    private List<String> reportsWithTheRelayHeldBack(StackProcess pathology, int n) {
        pathology.stop(Duration.ofSeconds(20));
        pathology.start(Map.of("TUMORBOARD_OUTBOX_RELAY_ENABLED", "false")).awaitReady(Duration.ofMinutes(2));
        List<String> cases = referAndAwaitPathology(n);
        roomOnTheBoard(cases.size());
        cases.forEach(this::postBiopsy);
        return cases;
    }

    // ---- pathology's outbox, read and changed directly in its database while the service is down

    private static int unsentRows(List<String> cases) {
        return outboxUpdate("select count(*) from outbox_event where type = ? and subject = any(?) and sent_at is null", cases);
    }

    private static int clearSentMark(List<String> cases) {
        return outboxUpdate("update outbox_event set sent_at = null where type = ? and subject = any(?) and sent_at is not null", cases);
    }

    /** A faulty version of pathology writes a broken event into its outbox; its relay publishes it. Returns its id. */
    private static String faultyPathologyPublishes(String caseId, String brokenValue) {
        String eventId = java.util.UUID.randomUUID().toString();
        try (Connection c = DriverManager.getConnection(SystemStack.get().jdbcUrl(PATHOLOGY), "pathology", "pathology")) {
            c.setAutoCommit(false);
            long sequence;
            try (PreparedStatement s = c.prepareStatement("insert into outbox_case_sequence (subject, last_sequence) values (?, 1) "
                    + "on conflict (subject) do update set last_sequence = outbox_case_sequence.last_sequence + 1 returning last_sequence")) {
                s.setString(1, caseId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    sequence = rs.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into outbox_event (id, topic, type, source, subject, occurred_at, "
                    + "case_sequence, payload) values (?::uuid, ?, ?, ?, ?, now(), ?, ?)")) {
                s.setString(1, eventId);
                s.setString(2, Topics.PATHOLOGY);
                s.setString(3, CaseEventTypes.BIOPSY_REPORTED.name());
                s.setString(4, org.tumorboard.events.Sources.PATHOLOGY);
                s.setString(5, caseId);
                s.setLong(6, sequence);
                s.setString(7, brokenValue);
                s.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not reach pathology's outbox", e);
        }
        return eventId;
    }

    private static int outboxUpdate(String sql, List<String> cases) {
        try (Connection c = DriverManager.getConnection(SystemStack.get().jdbcUrl(PATHOLOGY), "pathology", "pathology");
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, CaseEventTypes.BIOPSY_REPORTED.name());
            s.setArray(2, c.createArrayOf("text", cases.toArray()));
            if (sql.startsWith("select")) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not reach pathology's outbox", e);
        }
    }

    // ---- what the topics and the services show

    private Map<String, List<ConsumerRecord<String, String>>> eventsOf(String topic, String type, Collection<String> cases) {
        Set<String> wanted = new HashSet<>(cases);
        return Broker.everyRecord(topic).stream()
                .filter(r -> wanted.contains(r.key()) && type.equals(Broker.header(r, "ce_type")))
                .collect(Collectors.groupingBy(ConsumerRecord::key));
    }

    private Map<String, List<ConsumerRecord<String, String>>> biopsyEvents(Collection<String> cases) {
        return eventsOf(Topics.PATHOLOGY, CaseEventTypes.BIOPSY_REPORTED.name(), cases);
    }

    private Map<String, List<ConsumerRecord<String, String>>> stagedEvents(Collection<String> cases) {
        return eventsOf(Topics.STAGING, CaseEventTypes.CASE_STAGED.name(), cases);
    }

    /** Waits until every case is staged and scheduled (on the topics) and intake has caught up; returns that moment. */
    private long awaitStagedAndScheduled(List<String> cases) {
        long deadline = System.currentTimeMillis() + RECOVERY_LIMIT.toMillis();
        while (true) {
            int staged = stagedEvents(cases).size();
            int scheduled = eventsOf(Topics.BOARD, CaseEventTypes.CASE_SCHEDULED.name(), cases).size();
            if (staged == cases.size() && scheduled == cases.size()) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("after " + RECOVERY_LIMIT.toSeconds() + " s only " + staged + " of " + cases.size()
                        + " cases staged and " + scheduled + " scheduled");
            }
            StackProcess.sleep(250);
        }
        long reached = System.currentTimeMillis();
        awaitAll("intake shows every case scheduled", cases, c -> "BOARD_SCHEDULED".equals(as("coord-hub", INTAKE)
                .get("/api/cases/" + c).jsonPath().getString("status")));
        return reached;
    }

    private record Check(int reached, int duplicated, List<String> problems) {
    }

    /** Staged once (history of one, one case-staged id), scheduled once, intake's timeline without a repeated entry. */
    private Check checkStagedAndScheduledOnce(List<String> cases) {
        Map<String, List<ConsumerRecord<String, String>>> staged = stagedEvents(cases);
        Map<String, List<ConsumerRecord<String, String>>> scheduled = eventsOf(Topics.BOARD, CaseEventTypes.CASE_SCHEDULED.name(), cases);
        int reached = 0;
        int duplicated = 0;
        List<String> problems = new ArrayList<>();
        for (String c : cases) {
            long stagings = distinctIds(staged.get(c));
            long schedulings = distinctIds(scheduled.get(c));
            int history = as("coord-hub", STAGING).get("/api/cases/" + c + "/staging/history").jsonPath().getList("$").size();
            String meeting = as("chair", BOARD).get("/api/cases/" + c + "/board").jsonPath().getString("meetingId");
            long repeated = duplicateTimelineEntries(c);
            if (stagings >= 1 && schedulings >= 1 && history >= 1 && meeting != null) {
                reached++;
            }
            if (stagings > 1 || schedulings > 1 || history > 1 || repeated > 0) {
                duplicated++;
                problems.add(c + ": staged " + stagings + ", scheduled " + schedulings + ", history " + history
                        + ", repeated timeline entries " + repeated);
            }
        }
        return new Check(reached, duplicated, problems);
    }

    private static long distinctIds(List<ConsumerRecord<String, String>> records) {
        return records == null ? 0 : records.stream().map(r -> Broker.header(r, "ce_id")).distinct().count();
    }

    /** Timeline entries that appear more than once (same type and summary). */
    private long duplicateTimelineEntries(String caseId) {
        List<Map<String, Object>> timeline = as("coord-hub", INTAKE).get("/api/cases/" + caseId).jsonPath().getList("timeline");
        Map<String, Long> counts = timeline.stream().collect(Collectors.groupingBy(e -> e.get("type") + "|" + e.get("summary"),
                Collectors.counting()));
        return counts.values().stream().filter(n -> n > 1).count();
    }

    /** What each service shows of the cases, as JSON text, without what changes by itself (days waiting). */
    private Map<String, String> snapshot(List<String> cases) {
        Map<String, String> views = new HashMap<>();
        for (String c : cases) {
            JsonPath intake = as("coord-hub", INTAKE).get("/api/cases/" + c).jsonPath();
            String text = "{\"status\":\"" + intake.getString("status") + "\",\"timeline\":" + intake.getList("timeline")
                    + ",\"staging\":" + as("coord-hub", STAGING).get("/api/cases/" + c + "/staging/history").asString()
                    + ",\"reports\":" + as("coord-hub", PATHOLOGY).get("/api/cases/" + c + "/reports").asString()
                    + ",\"board\":" + as("chair", BOARD).get("/api/cases/" + c + "/board").asString() + "}";
            views.put(c, text);
        }
        return views;
    }

    private static final List<String> GROUPS = List.of("intake-service", "pathology-service", "staging-service", "board-service");

    private static boolean noLag() {
        return GROUPS.stream().allMatch(g -> Broker.lag(g) == 0);
    }

    private static void awaitNoLag() {
        long deadline = System.currentTimeMillis() + RECOVERY_LIMIT.toMillis();
        while (!noLag()) {
            assertTrue(System.currentTimeMillis() < deadline, "consumers did not catch up");
            StackProcess.sleep(250);
        }
    }

    private static void awaitReady(String process) {
        SystemStack.get().process(process).awaitReady(Duration.ofMinutes(1));
    }

    /** Waits until the condition holds for every item, checking only those not yet done; returns that moment. */
    private static long awaitAll(String what, List<String> items, Predicate<String> done) {
        Set<String> pending = new HashSet<>(items);
        long deadline = System.currentTimeMillis() + RECOVERY_LIMIT.toMillis();
        while (!pending.isEmpty()) {
            pending.removeIf(item -> {
                try {
                    return done.test(item);
                } catch (RuntimeException | AssertionError e) {
                    return false;
                }
            });
            if (pending.isEmpty()) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for: " + what + "; " + pending.size() + " of " + items.size() + " not done");
            }
            StackProcess.sleep(250);
        }
        return System.currentTimeMillis();
    }
}
