package org.tumorboard.intake.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.CaseScheduled;
import org.tumorboard.events.CaseStaged;
import org.tumorboard.events.PlanDecided;
import org.tumorboard.events.RecurrenceRecorded;
import org.tumorboard.events.Topics;
import org.tumorboard.intake.IntakeApi;
import org.tumorboard.intake.Referrals;
import org.tumorboard.testsupport.SchemaOwner;
import org.tumorboard.testsupport.TestEvents;
import org.tumorboard.testsupport.Tokens;
import org.tumorboard.testsupport.TopicWriter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The operator rebuilds the case registry from the topics: every status and timeline comes back as it was. */
@QuarkusTest
class RebuildTest {

    @Inject
    EntityManager em;

    private static final String OPERATOR = Tokens.token("ops", "HUB", "operator");

    @Test
    void theRegistryRebuiltFromTheTopicsEqualsWhatItWas() {
        String complete = IntakeApi.refer("SPOKE-NORTH");
        String throughRecurrence = IntakeApi.refer("HUB");
        Instant t = Instant.now();
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, complete,
                new BiopsyReported(complete, "r1", 1, "LEIOMYOSARCOMA", "G2"), t.plusSeconds(10)));
        TopicWriter.send(Topics.STAGING, TestEvents.event(CaseEventTypes.CASE_STAGED, complete,
                new CaseStaged(complete, "c", "T3", "N0", "M0", "G2", "IIIA"), t.plusSeconds(20)));
        TopicWriter.send(Topics.BOARD, TestEvents.event(CaseEventTypes.PLAN_DECIDED, throughRecurrence,
                new PlanDecided(throughRecurrence, "UPFRONT_RESECTION"), t.plusSeconds(10)));
        TopicWriter.send(Topics.BOARD, TestEvents.event(CaseEventTypes.RECURRENCE_RECORDED, throughRecurrence,
                new RecurrenceRecorded(throughRecurrence, "LOCAL_RECURRENCE", LocalDate.now()), t.plusSeconds(100)));
        // late: older than the recurrence, on the timeline but not in the status
        TopicWriter.send(Topics.BOARD, TestEvents.event(CaseEventTypes.CASE_SCHEDULED, throughRecurrence,
                new CaseScheduled(throughRecurrence, "m-old", LocalDate.now()), t.plusSeconds(5)));
        TestEvents.await("events applied", 30_000, () -> IntakeApi.getCase(complete).getList("timeline").size() == 4
                && IntakeApi.getCase(throughRecurrence).getList("timeline").size() == 5);
        JsonPath before1 = IntakeApi.getCase(complete);
        JsonPath before2 = IntakeApi.getCase(throughRecurrence);
        String withWorkupMissing = IntakeApi.refer(Referrals.with(Referrals.valid("HUB"), "imaging.chestImaging", null));
        JsonPath before3 = IntakeApi.getCase(withWorkupMissing);
        assertEquals("WORKUP", before3.getString("status"));

        given().auth().oauth2(OPERATOR).post("/api/admin/rebuild").then().statusCode(200)
                .body("records", greaterThan(0)).body("applied", greaterThan(0));

        for (var pair : java.util.List.of(java.util.Map.entry(complete, before1), java.util.Map.entry(throughRecurrence, before2),
                java.util.Map.entry(withWorkupMissing, before3))) {
            JsonPath after = IntakeApi.getCase(pair.getKey());
            assertEquals(pair.getValue().getString("status"), after.getString("status"), pair.getKey());
            assertEquals(pair.getValue().getList("timeline"), after.getList("timeline"), pair.getKey());
        }
        assertEquals("STAGED", IntakeApi.status(complete));
        assertEquals("RECURRENCE", IntakeApi.status(throughRecurrence));
    }

    /**
     * Issue 22, item 7: the new registry is built beside the live one and swapped in by one transaction. A failure at the
     * swap (here a trigger refusing the timeline's copy) leaves every case as it was, is on the audit trail, and the
     * next rebuild succeeds.
     */
    @Test
    void aRebuildThatFailsLeavesTheLiveRegistryAsItWas() {
        String caseId = IntakeApi.refer("HUB");
        TopicWriter.awaitConsumed("intake-service", 30_000, TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(
                CaseEventTypes.BIOPSY_REPORTED, caseId, new BiopsyReported(caseId, "r1", 1, "LEIOMYOSARCOMA", "G2"), Instant.now())));
        JsonPath before = IntakeApi.getCase(caseId);
        assertEquals("DIAGNOSED", before.getString("status"));
        long failedBefore = count("select count(*) from audit_record where action = 'REGISTRY_REBUILD' and status >= 500");

        // Only the swap's copy is refused; the live consumer's own inserts meanwhile go through.
        sql("create function refuse_timeline_copy() returns trigger language plpgsql as $$ begin "
                + "if current_query() ilike '%from registry_rebuild.timeline_entry%' then raise exception 'refused by the test'; end if; "
                + "return null; end $$");
        sql("create trigger refuse_timeline_copy before insert on public.timeline_entry for each statement "
                + "execute function refuse_timeline_copy()");
        try {
            given().auth().oauth2(OPERATOR).post("/api/admin/rebuild").then().statusCode(500);
        } finally {
            sql("drop trigger refuse_timeline_copy on public.timeline_entry");
            sql("drop function refuse_timeline_copy()");
        }
        JsonPath after = IntakeApi.getCase(caseId);
        assertEquals(before.getString("status"), after.getString("status"));
        assertEquals(before.getList("timeline"), after.getList("timeline"), "the live timeline was not touched");
        assertEquals(failedBefore + 1, count("select count(*) from audit_record where action = 'REGISTRY_REBUILD' and status >= 500"));

        given().auth().oauth2(OPERATOR).post("/api/admin/rebuild").then().statusCode(200);
        assertEquals(before.getList("timeline"), IntakeApi.getCase(caseId).getList("timeline"));
        assertEquals(0, count("select count(*) from information_schema.tables where table_schema = 'registry_rebuild'"),
                "the tables built beside are dropped with the swap");
    }

    /**
     * Item 7: one rebuild at a time, and what the live consumer applies while a rebuild builds is not lost at the swap.
     * The first rebuild is held after it has fixed the topics' ends (the test holds the dead-letter table, which the
     * build reads first); a second is 409 meanwhile; an event published and applied live meanwhile is on the case
     * after the swap, once.
     */
    @Test
    void oneRebuildAtATimeAndWhatIsAppliedMeanwhileIsKept() throws Exception {
        String caseId = IntakeApi.refer("HUB");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch held = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> lock = threads.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("lock table public.dead_letter in access exclusive mode").executeUpdate();
                held.countDown();
                await(release);
            }));
            assertTrue(held.await(30, TimeUnit.SECONDS));
            Future<Integer> first = threads.submit(() -> given().auth().oauth2(OPERATOR).post("/api/admin/rebuild").statusCode());
            TestEvents.await("the first rebuild waits, its topics' ends fixed", 60_000,
                    () -> count("select count(*) from pg_locks l join pg_class c on c.oid = l.relation "
                            + "where c.relname = 'dead_letter' and not l.granted") > 0);
            given().auth().oauth2(OPERATOR).post("/api/admin/rebuild").then().statusCode(409)
                    .contentType("application/problem+json");
            // Published and applied live while the first rebuild waits: past the ends it fixed, so only its catch-up
            // under the swap's lock brings it into the rebuilt registry.
            CaseEvent meanwhile = TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                    new BiopsyReported(caseId, "r1", 1, "LEIOMYOSARCOMA", "G2"), Instant.now());
            TopicWriter.awaitConsumed("intake-service", 30_000, TopicWriter.send(Topics.PATHOLOGY, meanwhile));
            assertEquals("DIAGNOSED", IntakeApi.status(caseId), "applied live");
            release.countDown();
            lock.get(30, TimeUnit.SECONDS);
            assertEquals(200, first.get(60, TimeUnit.SECONDS));
            assertEquals("DIAGNOSED", IntakeApi.status(caseId), "kept by the swap");
            assertEquals(1, IntakeApi.getCase(caseId).getList("timeline.type").stream()
                    .filter(CaseEventTypes.BIOPSY_REPORTED.name()::equals).count(), "once, not lost and not doubled");
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    /** A trigger for the test, which only the schema's owner may add (issue 24, item 5). */
    private void sql(String statement) {
        try {
            SchemaOwner.sql(statement);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    private long count(String query) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(query).getSingleResult()).longValue());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void onlyAnOperatorRebuilds() {
        given().post("/api/admin/rebuild").then().statusCode(401);
        given().auth().oauth2(Tokens.hubCoordinator()).post("/api/admin/rebuild").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
