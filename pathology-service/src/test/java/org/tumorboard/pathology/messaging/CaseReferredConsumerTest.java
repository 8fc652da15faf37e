package org.tumorboard.pathology.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.Topics;
import org.tumorboard.platform.messaging.CaseEventProcessor;
import org.tumorboard.platform.messaging.CloudEventRecords;
import org.tumorboard.testsupport.AppliedEffects;
import org.tumorboard.testsupport.TestEvents;
import org.tumorboard.testsupport.Tokens;
import org.tumorboard.testsupport.TopicReader;
import org.tumorboard.testsupport.TopicWriter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** pathology-service's consumer of intake's referred event, on the real broker and the real database. */
@QuarkusTest
class CaseReferredConsumerTest {

    private static final String DEAD_LETTER = Topics.deadLetter("pathology-service");

    @Inject
    EntityManager em;

    @Inject
    org.tumorboard.platform.deadletter.DeadLetters deadLetters;

    @Inject
    CaseEventProcessor processor;

    @Test
    void aReferredCaseAppearsOnTheBiopsyWorklist() {
        String caseId = TestEvents.newCaseId();
        TopicWriter.send(Topics.INTAKE, TestEvents.caseReferred(caseId, "SPOKE-NORTH", 22.0));

        TestEvents.await("case on the worklist", 30_000, () -> onWorklist(caseId) == 1);
        given().auth().oauth2(Tokens.pathologist())
                .when().get("/api/worklist")
                .then().statusCode(200)
                .body("find { it.caseId == '" + caseId + "' }.awaiting", equalTo("BIOPSY_REPORT"))
                .body("find { it.caseId == '" + caseId + "' }.referringSite", equalTo("SPOKE-NORTH"));
    }

    /** The worklist a page at a time, in SQL: found by the start of the case's id, filtered by the report awaited. */
    @Test
    void theWorklistPagesAndFindsACaseByTheStartOfItsId() {
        String caseId = TestEvents.newCaseId();
        TopicWriter.send(Topics.INTAKE, TestEvents.caseReferred(caseId, "SPOKE-NORTH", 12.0));
        TestEvents.await("case on the worklist", 30_000, () -> onWorklist(caseId) == 1);
        given().auth().oauth2(Tokens.pathologist()).queryParam("q", caseId.substring(0, 8))
                .when().get("/api/worklist/page")
                .then().statusCode(200)
                .body("items.caseId", org.hamcrest.Matchers.hasItem(caseId))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().auth().oauth2(Tokens.pathologist()).queryParam("q", caseId.substring(0, 8)).queryParam("awaiting", "RESECTION_REPORT")
                .when().get("/api/worklist/page")
                .then().statusCode(200).body("items.caseId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(caseId)));
        var all = given().auth().oauth2(Tokens.pathologist()).get("/api/worklist").jsonPath().getList("caseId");
        var first = given().auth().oauth2(Tokens.pathologist()).queryParam("size", 1).get("/api/worklist/page").jsonPath();
        org.junit.jupiter.api.Assertions.assertEquals(all.size(), first.getInt("total"));
        org.junit.jupiter.api.Assertions.assertEquals(all.get(0), first.getString("items[0].caseId"), "oldest first, as the list");
        if (all.size() > 1) {
            org.junit.jupiter.api.Assertions.assertEquals(all.get(1), given().auth().oauth2(Tokens.pathologist())
                    .queryParam("size", 1).queryParam("page", 1).get("/api/worklist/page").jsonPath().getString("items[0].caseId"));
        }
        given().auth().oauth2(Tokens.pathologist()).queryParam("q", "zz'; drop").when().get("/api/worklist/page")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("q"));
        given().auth().oauth2(Tokens.pathologist()).queryParam("awaiting", "NOTHING").when().get("/api/worklist/page")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("awaiting"));
    }

    /** Issue 20, path 5: the chair waived the biopsy: the case leaves the biopsy worklist. */
    @Test
    void aWaivedBiopsyLeavesTheWorklist() {
        String caseId = TestEvents.newCaseId();
        TopicWriter.send(Topics.INTAKE, TestEvents.caseReferred(caseId, "HUB", 22.0));
        TestEvents.await("case on the worklist", 30_000, () -> given().auth().oauth2(Tokens.pathologist()).get("/api/worklist")
                .jsonPath().getList("caseId").contains(caseId));
        TopicWriter.send(Topics.BOARD, TestEvents.event(org.tumorboard.events.CaseEventTypes.BIOPSY_WAIVED, caseId,
                new org.tumorboard.events.BiopsyWaived(caseId), java.time.Instant.now()));
        TestEvents.await("off the worklist", 30_000, () -> !given().auth().oauth2(Tokens.pathologist()).get("/api/worklist")
                .jsonPath().getList("caseId").contains(caseId));
    }

    @Test
    void theSameEventDeliveredTwiceOnTheBrokerHasOneEffect() {
        String caseId = TestEvents.newCaseId();
        CaseEvent event = TestEvents.caseReferred(caseId, "HUB", 8.0);
        TopicWriter.send(Topics.INTAKE, event);
        TopicWriter.send(Topics.INTAKE, event);
        // A later event of the same case, hence the same partition: once it is processed, both deliveries were.
        CaseEvent later = TestEvents.caseReferred(caseId, "HUB", 8.0);
        TopicWriter.send(Topics.INTAKE, later);

        TestEvents.await("the later event processed", 30_000, () -> inInbox(later.id()) == 1);
        assertEquals(1, inInbox(event.id()));
        assertEquals(1, AppliedEffects.committed(event.id()), "the redelivery's effect is not applied again");
        assertEquals(1, AppliedEffects.committed(later.id()));
        assertEquals(1, onWorklist(caseId));
    }

    @Test
    void theInboxAppliesAnEffectOnceForTheSameEventId() {
        CaseEvent event = TestEvents.caseReferred(TestEvents.newCaseId(), "HUB", 3.0);
        ConsumerRecord<String, String> record = asConsumerRecord(event);
        AtomicInteger effects = new AtomicInteger();
        processor.process(record, e -> effects.incrementAndGet());
        processor.process(record, e -> effects.incrementAndGet());
        assertEquals(1, effects.get());
    }

    @Test
    void anEffectThatFailsRollsBackItsInboxEntrySoTheEventCanBeRetried() {
        CaseEvent event = TestEvents.caseReferred(TestEvents.newCaseId(), "HUB", 3.0);
        ConsumerRecord<String, String> record = asConsumerRecord(event);
        try {
            processor.process(record, e -> {
                throw new IllegalStateException("rule failed");
            });
        } catch (RuntimeException expected) {
            assertTrue(expected.getMessage().contains("rule failed"), expected.getMessage());
        }
        assertEquals(0, inInbox(event.id()), "the failed effect left no inbox entry");
        AtomicInteger effects = new AtomicInteger();
        processor.process(record, e -> effects.incrementAndGet());
        assertEquals(1, effects.get());
    }

    @Test
    void malformedMessagesGoToTheDeadLetterTopicWithTheirReasonAndTheNextGoodOneIsProcessed() {
        String poisonKey = TestEvents.newCaseId();
        TopicWriter.send(Topics.INTAKE, poisonKey, "this is not JSON", Map.of());

        String badPayloadCase = TestEvents.newCaseId();
        CaseEvent valid = TestEvents.caseReferred(badPayloadCase, "HUB", 5.0);
        CaseEvent missingSite = new CaseEvent(valid.id(), valid.source(), valid.type(), valid.subject(), valid.time(), valid.sequence(),
                valid.data().replace("\"referringSite\":\"HUB\",", ""));
        TopicWriter.send(Topics.INTAKE, missingSite);

        String goodCase = TestEvents.newCaseId();
        TopicWriter.send(Topics.INTAKE, TestEvents.caseReferred(goodCase, "HUB", 5.0));

        List<ConsumerRecord<String, String>> dead = TopicReader.forCase(DEAD_LETTER, poisonKey, 1, Duration.ofSeconds(30));
        assertEquals(1, dead.size());
        assertEquals("this is not JSON", dead.get(0).value());
        assertTrue(TopicReader.header(dead.get(0), "dead-letter-reason").contains("not a CloudEvents 1.0 record"),
                TopicReader.header(dead.get(0), "dead-letter-reason"));
        assertEquals(Topics.INTAKE, TopicReader.header(dead.get(0), "dead-letter-topic"));

        List<ConsumerRecord<String, String>> badPayload = TopicReader.forCase(DEAD_LETTER, badPayloadCase, 1, Duration.ofSeconds(30));
        assertEquals(1, badPayload.size());
        assertTrue(TopicReader.header(badPayload.get(0), "dead-letter-reason").contains("referringSite is missing"),
                TopicReader.header(badPayload.get(0), "dead-letter-reason"));

        TestEvents.await("the good case after the poison ones", 30_000, () -> onWorklist(goodCase) == 1);
        assertEquals(0, onWorklist(badPayloadCase));
    }

    @Test
    void anOperatorListsDeadLettersAndReplaysOneOnceItsValueIsFixed() {
        String operator = Tokens.token("ops", "HUB", "operator");
        String poisonKey = TestEvents.newCaseId();
        TopicWriter.send(Topics.INTAKE, poisonKey, "{\"truncated\": ", Map.of());
        String caseId = TestEvents.newCaseId();
        CaseEvent valid = TestEvents.caseReferred(caseId, "SPOKE-SOUTH", 6.0);
        TopicWriter.send(Topics.INTAKE, new CaseEvent(valid.id(), valid.source(), valid.type(), valid.subject(), valid.time(), valid.sequence(),
                valid.data().replace("\"referringSite\":\"SPOKE-SOUTH\",", "")));

        TestEvents.await("both dead letters kept for the operator", 30_000, () -> deadLetterId(operator, caseId) != null
                && deadLetterId(operator, poisonKey) != null);
        String fixable = deadLetterId(operator, caseId);
        given().auth().oauth2(operator).get("/api/dead-letters/" + fixable).then().statusCode(200)
                .body("state", equalTo("OPEN"))
                .body("topic", equalTo(Topics.INTAKE))
                .body("headers.ce_id", equalTo(valid.id().toString()))
                .body("reason", org.hamcrest.Matchers.containsString("referringSite is missing"));

        // Replayed as it is, the poison still fails: 409, and it stays open with the error.
        String poison = deadLetterId(operator, poisonKey);
        given().auth().oauth2(operator).contentType("application/json").body("{}").post("/api/dead-letters/" + poison + "/replay")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("reason"));
        given().auth().oauth2(operator).get("/api/dead-letters/" + poison).then().body("state", equalTo("OPEN"));
        given().auth().oauth2(operator).contentType("application/json").body(Map.of("reason", "broker hiccup, try again"))
                .post("/api/dead-letters/" + poison + "/replay")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("still cannot be applied"));
        given().auth().oauth2(operator).get("/api/dead-letters/" + poison).then()
                .body("state", equalTo("OPEN")).body("lastReplayError", org.hamcrest.Matchers.notNullValue());

        // A corrected value replayed here would reach pathology only: refused, naming the owner's correction.
        given().auth().oauth2(operator).contentType("application/json")
                .body(Map.of("value", valid.data(), "reason", "intake's referral lost its site; restored from the referral form"))
                .post("/api/dead-letters/" + fixable + "/replay").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.contains("value"))
                .body("detail", org.hamcrest.Matchers.containsString("/api/events/" + valid.id() + "/correction"));
        given().auth().oauth2(operator).get("/api/dead-letters/" + fixable).then().body("state", equalTo("OPEN"));

        // Intake, the owner, publishes its correction (issue 22, item 6): pathology applies it and closes its dead letter.
        CaseEvent correction = TestEvents.event(org.tumorboard.events.CaseEventTypes.CASE_REFERRED, caseId,
                org.tumorboard.events.EventCodec.fromJson(valid.data(), org.tumorboard.events.CaseReferred.class), java.time.Instant.now(),
                valid.sequence() + 1);
        CaseEvent fromIntake = new CaseEvent(correction.id(), valid.source(), correction.type(), caseId, correction.time(),
                correction.sequence(), correction.data());
        TopicWriter.awaitConsumed("pathology-service", 30_000, TopicWriter.sendCorrection(Topics.INTAKE, fromIntake, valid.id()));
        assertEquals(1, onWorklist(caseId));
        assertEquals(1, inInbox(fromIntake.id()));
        assertEquals(0, inInbox(valid.id()), "the broken original is never applied");
        given().auth().oauth2(operator).get("/api/dead-letters/" + fixable).then().statusCode(200)
                .body("state", equalTo("REPLAYED")).body("replayOutcome", equalTo("CORRECTED"))
                .body("replayedBy", equalTo(valid.source() + " correction " + fromIntake.id()));
        given().auth().oauth2(operator).contentType("application/json").body(Map.of("reason", "again"))
                .post("/api/dead-letters/" + fixable + "/replay").then().statusCode(409);
        given().auth().oauth2(operator).get("/api/dead-letters").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(fixable)));
        given().auth().oauth2(operator).queryParam("state", "ALL").get("/api/dead-letters").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(fixable));
    }

    /**
     * Issue 22, item 6: two operators replay the same dead letter at the same moment (its cause since fixed: here a
     * referral this service failed on, kept as a dead letter): one applies it, the other is refused; the audit trail
     * keeps who and why, and reading the letter is on it too.
     */
    @Test
    void twoOperatorsReplayingOneDeadLetterApplyItOnce() throws Exception {
        String operator = Tokens.token("ops", "HUB", "operator");
        String caseId = TestEvents.newCaseId();
        CaseEvent valid = TestEvents.caseReferred(caseId, "SPOKE-SOUTH", 6.0);
        deadLetters.record(asConsumerRecord(valid), "simulated: a consumer fault since fixed");
        String letter = deadLetterId(operator, caseId);

        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (String who : List.of("ops-a", "ops-b")) {
                answers.add(two.submit(() -> {
                    start.await();
                    return given().auth().oauth2(Tokens.token(who, "HUB", "operator")).contentType("application/json")
                            .body(Map.of("reason", "fault fixed, replayed by " + who))
                            .post("/api/dead-letters/" + letter + "/replay").statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            java.util.Collections.sort(statuses);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            two.shutdownNow();
        }
        assertEquals(1, inInbox(valid.id()));
        assertEquals(1, AppliedEffects.committed(valid.id()));
        String by = given().auth().oauth2(operator).get("/api/dead-letters/" + letter).then().statusCode(200)
                .body("state", equalTo("REPLAYED")).extract().path("replayedBy");
        var trail = given().auth().oauth2(Tokens.token("auditor", "HUB", "auditor")).queryParam("caseId", caseId).get("/api/audit")
                .then().statusCode(200).extract().jsonPath();
        List<String> details = trail.getList("items.findAll { it.action == 'DEAD_LETTER_REPLAY' && it.status == 200 }.detail");
        assertEquals(List.of("reason: fault fixed, replayed by " + by + "; replayed as it was"), details);
        assertTrue(trail.getList("items.action").contains("DEAD_LETTER_READ"), trail.getList("items.action").toString());
    }

    @Test
    void deadLettersAreForOperatorsOnly() {
        String operator = Tokens.token("ops", "HUB", "operator");
        given().get("/api/dead-letters").then().statusCode(401);
        given().auth().oauth2(Tokens.pathologist()).get("/api/dead-letters").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.pathologist()).contentType("application/json").body("{}")
                .post("/api/dead-letters/" + UUID.randomUUID() + "/replay").then().statusCode(403);
        given().auth().oauth2(operator).queryParam("state", "SOME").get("/api/dead-letters").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("state"));
        given().auth().oauth2(operator).queryParam("limit", "0").get("/api/dead-letters").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("limit"));
        given().auth().oauth2(operator).get("/api/dead-letters/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private static String deadLetterId(String operator, String key) {
        List<String> ids = given().auth().oauth2(operator).queryParam("limit", 1000).get("/api/dead-letters").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.key == '" + key + "' }.id");
        return ids.isEmpty() ? null : ids.get(0);
    }

    @Test
    void worklistNeedsAPathologistToken() {
        given().when().get("/api/worklist").then().statusCode(401);
        given().auth().oauth2(Tokens.hubCoordinator()).when().get("/api/worklist")
                .then().statusCode(403).contentType("application/problem+json");
    }

    private static ConsumerRecord<String, String> asConsumerRecord(CaseEvent event) {
        var produced = CloudEventRecords.toRecord(Topics.INTAKE, event);
        // An offset the broker's records never reach: a failing effect keeps the record as a dead letter by its position,
        // which must not take the place of a real record's.
        long offset = java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE);
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.INTAKE, 0, offset, event.subject(), event.data());
        produced.headers().forEach(h -> record.headers().add(h));
        return record;
    }

    private long onWorklist(String caseId) {
        return count("select count(*) from pathology_case where case_id = '" + caseId + "'");
    }

    private long inInbox(UUID eventId) {
        return count("select count(*) from inbox_event where event_id = '" + eventId + "'");
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
