package org.tumorboard.board.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.tumorboard.board.BoardFixtures;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.NonSarcomaFlagged;
import org.tumorboard.events.SarcomaDiagnosisRestored;
import org.tumorboard.events.Sources;
import org.tumorboard.events.Topics;
import org.tumorboard.testsupport.AppliedEffects;
import org.tumorboard.testsupport.TestEvents;
import org.tumorboard.testsupport.TopicReader;
import org.tumorboard.testsupport.TopicWriter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 22: events are input like any request. Each test performs an attack on the real broker (a forged grade, a site
 * moved, an event from the future) and shows board-service refuses it: dead-lettered with the reason, nothing applied,
 * and the case's genuine facts still flow.
 */
@QuarkusTest
class EventTrustTest {

    private static final String DEAD_LETTER = Topics.deadLetter("board-service");

    @Inject
    EntityManager em;

    /** Item 2: a grade forged on intake's topic, or on pathology's topic under intake's name, is not believed. */
    @Test
    void onlyATopicsOwnerIsBelieved() {
        String caseId = BoardFixtures.readyCase(em, "HUB", Instant.now().minusSeconds(3600));
        CaseEvent genuine = TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "forged", 2, "LEIOMYOSARCOMA", "G1", 2, List.of()), Instant.now().plusSeconds(30));
        CaseEvent forgedOnIntake = new CaseEvent(UUID.randomUUID(), Sources.INTAKE, genuine.type(), caseId, genuine.time(), genuine.sequence(), genuine.data());
        CaseEvent forgedAsIntake = new CaseEvent(UUID.randomUUID(), Sources.INTAKE, genuine.type(), caseId, genuine.time(), genuine.sequence(),
                genuine.data());
        TopicWriter.send(Topics.INTAKE, forgedOnIntake);
        TopicWriter.send(Topics.PATHOLOGY, forgedAsIntake);

        List<String> reasons = reasons(caseId, 2);
        assertTrue(reasons.stream().anyMatch(r -> r.contains("type 'tumorboard.pathology.biopsy-reported.v1' is not published on "
                + Topics.INTAKE)), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("source '" + Sources.INTAKE + "' may not publish on " + Topics.PATHOLOGY)),
                reasons.toString());
        assertEquals(0, AppliedEffects.committed(forgedOnIntake.id()));
        assertEquals(0, AppliedEffects.committed(forgedAsIntake.id()));
        assertEquals("G2", column(caseId, "grade"), "the forged G1 changed nothing");
    }

    /** Item 3: a grade outside the vocabulary is dead-lettered with the field named; the stored grade stands. */
    @Test
    void aPayloadOutsideTheRestSidesVocabularyIsNotBelieved() {
        String caseId = BoardFixtures.readyCase(em, "HUB", Instant.now().minusSeconds(3600));
        CaseEvent genuine = TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "b", 2, "LEIOMYOSARCOMA", "G3", 7, List.of()), Instant.now().plusSeconds(30));
        CaseEvent bad = new CaseEvent(UUID.randomUUID(), genuine.source(), genuine.type(), caseId, genuine.time(), genuine.sequence(),
                genuine.data().replace("\"G3\"", "\"G9\""));
        TopicWriter.send(Topics.PATHOLOGY, bad);
        List<String> reasons = reasons(caseId, 1);
        assertTrue(reasons.get(0).contains("BiopsyReported.grade"), reasons.toString());
        assertEquals("G2", column(caseId, "grade"));
        RecordMetadata at = TopicWriter.send(Topics.PATHOLOGY, genuine);
        TopicWriter.awaitConsumed("board-service", 30_000, at);
        assertEquals("G3", column(caseId, "grade"), "the genuine report still applies");
    }

    /** Item 4: only intake's first referral sets the site; a later one naming another spoke does not move the case. */
    @Test
    void aCasesSiteIsSetOnce() {
        String caseId = BoardFixtures.readyCase(em, "HUB", Instant.now().minusSeconds(3600));
        CaseEvent moved = BoardFixtures.referral(caseId, "SPOKE-NORTH", Instant.now());
        TopicWriter.send(Topics.INTAKE, moved);
        List<String> reasons = reasons(caseId, 1);
        assertTrue(reasons.get(0).contains("CaseReferred.referringSite"), reasons.toString());
        assertEquals(0, AppliedEffects.committed(moved.id()));
        assertEquals("HUB", column(caseId, "referring_site"));
        // the same site again (intake re-sending its referral) is fine
        CaseEvent again = BoardFixtures.referral(caseId, "HUB", Instant.now());
        RecordMetadata at = TopicWriter.send(Topics.INTAKE, again);
        TopicWriter.awaitConsumed("board-service", 30_000, at);
        assertEquals(1, AppliedEffects.committed(again.id()));
    }

    /** Issue 24, item 3: a referral naming a site the network does not know is not believed; the case is not created. */
    @Test
    void aReferralFromASiteTheNetworkDoesNotKnowIsNotBelieved() {
        String caseId = TestEvents.newCaseId();
        CaseEvent unknown = BoardFixtures.referral(caseId, "SPOKE-ATLANTIS", Instant.now());
        TopicWriter.send(Topics.INTAKE, unknown);
        List<String> reasons = reasons(caseId, 1);
        assertTrue(reasons.get(0).contains("CaseReferred.referringSite") && reasons.get(0).contains("not one of this network's"),
                reasons.toString());
        assertEquals(0, AppliedEffects.committed(unknown.id()));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from board_case where case_id = '" + caseId + "'").getSingleResult()).longValue()));
    }

    /**
     * An event keyed by one case whose payload names another is dead-lettered; neither case changes,
     * and the case's own next report applies.
     */
    @Test
    void aPayloadNamingAnotherCaseIsNotBelieved() {
        String caseId = BoardFixtures.readyCase(em, "HUB", Instant.now().minusSeconds(3600));
        String other = BoardFixtures.readyCase(em, "HUB", Instant.now().minusSeconds(3600));
        CaseEvent crossed = TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(other, "b", 2, "LEIOMYOSARCOMA", "G1", 3, List.of()), Instant.now().plusSeconds(30));
        TopicWriter.send(Topics.PATHOLOGY, crossed);
        List<String> reasons = reasons(caseId, 1);
        assertTrue(reasons.get(0).contains("caseId is not its subject"), reasons.toString());
        assertEquals(0, AppliedEffects.committed(crossed.id()));
        assertEquals("G2", column(caseId, "grade"));
        assertEquals("G2", column(other, "grade"));
        theCasesOwnNextReportApplies(caseId);
    }

    /** Item 5: an event dated in 2100 would pin the case's grade for ever; it is dead-lettered and a real one applies. */
    @Test
    void anEventFromTheFutureIsNotBelieved() {
        String caseId = BoardFixtures.readyCase(em, "HUB", Instant.now().minusSeconds(3600));
        CaseEvent future = TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "b", 2, "LEIOMYOSARCOMA", "G1", 3, List.of()), Instant.parse("2100-01-01T00:00:00Z"));
        TopicWriter.send(Topics.PATHOLOGY, future);
        List<String> reasons = reasons(caseId, 1);
        assertTrue(reasons.get(0).contains("ahead of this service's clock"), reasons.toString());
        assertEquals("G2", column(caseId, "grade"));
        theCasesOwnNextReportApplies(caseId);
    }

    /** After a refused event the case still takes pathology's next genuine report: G3, committed later. */
    private void theCasesOwnNextReportApplies(String caseId) {
        CaseEvent next = TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "b", 3, "LEIOMYOSARCOMA", "G3", 7, List.of()), Instant.now().plusSeconds(60));
        RecordMetadata at = TopicWriter.send(Topics.PATHOLOGY, next);
        TopicWriter.awaitConsumed("board-service", 30_000, at);
        assertEquals("G3", column(caseId, "grade"));
    }

    /**
     * Item 5: the owner's commit order decides, not its clock. Pathology's amendment committed after the report but dated
     * two days earlier (its clock stepped back) applies; a report it committed before the amendment, delivered late and
     * dated a minute ahead, changes nothing. (The specimen, imaging and staging facts use the same comparison,
     * {@code CaseEvent.notOlderThan}; the not-sarcoma verdict is tested below.)
     */
    @Test
    void theOwnersCommitOrderNotItsClockOrdersACasesFacts() {
        String caseId = BoardFixtures.readyCase(em, "HUB", Instant.now().minusSeconds(3600));
        long reported = ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select grade_sequence from board_case where case_id = '" + caseId + "'").getSingleResult())).longValue();
        CaseEvent amendedEarlierClock = TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "b", 2, "LEIOMYOSARCOMA", "G3", 7, List.of()), Instant.now().minus(Duration.ofDays(2)),
                reported + 10);
        TopicWriter.awaitConsumed("board-service", 30_000, TopicWriter.send(Topics.PATHOLOGY, amendedEarlierClock));
        assertEquals("G3", column(caseId, "grade"), "the later commit applies whatever its time");

        CaseEvent lateAheadClock = TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "b", 1, "LEIOMYOSARCOMA", "G1", 3, List.of()), Instant.now().plusSeconds(60), reported + 5);
        TopicWriter.awaitConsumed("board-service", 30_000, TopicWriter.send(Topics.PATHOLOGY, lateAheadClock));
        assertEquals(1, AppliedEffects.committed(lateAheadClock.id()), "read (it is genuine), but older than the fact held");
        assertEquals("G3", column(caseId, "grade"), "the earlier commit changes nothing whatever its time");
    }

    /**
     * Item 5: pathology's not-a-sarcoma flag and its restore are ordered by pathology's commit order. A flag committed
     * before the restore, delivered after it (a late or replayed record) and dated later, leaves the case on the pathway.
     */
    @Test
    void aNotSarcomaFlagCommittedBeforeTheRestoreDoesNotTakeTheCaseOffAgain() {
        String caseId = BoardFixtures.readyCase(em, "HUB", Instant.now().minusSeconds(3600));
        long base = ((Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select grade_sequence from board_case where case_id = '" + caseId + "'").getSingleResult())).longValue();
        TopicWriter.awaitConsumed("board-service", 30_000, TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(
                CaseEventTypes.NON_SARCOMA_FLAGGED, caseId, new NonSarcomaFlagged(caseId, "b", List.of("CD45 positive: lymphoma")),
                Instant.now(), base + 10)));
        assertEquals("OFF_PATHWAY", column(caseId, "phase"));
        TopicWriter.awaitConsumed("board-service", 30_000, TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(
                CaseEventTypes.SARCOMA_DIAGNOSIS_RESTORED, caseId, new SarcomaDiagnosisRestored(caseId, "b", 3, "LEIOMYOSARCOMA"),
                Instant.now(), base + 30)));
        assertTrue(!"OFF_PATHWAY".equals(column(caseId, "phase")), "restored");
        CaseEvent lateFlag = TestEvents.event(CaseEventTypes.NON_SARCOMA_FLAGGED, caseId,
                new NonSarcomaFlagged(caseId, "b", List.of("an earlier reading")), Instant.now().plusSeconds(60), base + 20);
        TopicWriter.awaitConsumed("board-service", 30_000, TopicWriter.send(Topics.PATHOLOGY, lateFlag));
        assertEquals(1, AppliedEffects.committed(lateFlag.id()));
        assertTrue(!"OFF_PATHWAY".equals(column(caseId, "phase")), "the earlier flag, delivered late, changes nothing");
    }

    private static List<String> reasons(String caseId, int expected) {
        List<ConsumerRecord<String, String>> dead = TopicReader.forCase(DEAD_LETTER, caseId, expected, Duration.ofSeconds(30));
        assertEquals(expected, dead.size(), "dead letters of case " + caseId);
        return dead.stream().map(r -> TopicReader.header(r, "dead-letter-reason")).toList();
    }

    private String column(String caseId, String column) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select " + column + " from board_case where case_id = '" + caseId + "'").getSingleResult());
    }
}
