package org.tumorboard.intake.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.Topics;
import org.tumorboard.events.WorkupCompleted;
import org.tumorboard.intake.Referrals;
import org.tumorboard.intake.service.ReferralCommand;
import org.tumorboard.intake.service.ReferralService;
import org.tumorboard.platform.outbox.Outbox;
import org.tumorboard.platform.outbox.OutboxRelay;
import org.tumorboard.platform.retention.EventRetention;
import org.tumorboard.testsupport.TopicReader;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The transactional outbox against the real PostgreSQL and the real broker. */
@QuarkusTest
class OutboxTest {

    @Inject
    ReferralService referrals;

    @Inject
    OutboxRelay relay;

    @Inject
    Outbox outbox;

    @Inject
    EventRetention retention;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Test
    void aRolledBackTransactionLeavesNeitherTheCaseNorAnEvent() {
        AtomicReference<UUID> caseId = new AtomicReference<>();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            caseId.set(referrals.open(request("HUB"), "test").created().caseId);
            throw new IllegalStateException("the coordinator's transaction fails after the referral was written");
        }));

        assertEquals(0, count("select count(*) from intake_case where case_id = '" + caseId.get() + "'"));
        assertEquals(0, count("select count(*) from outbox_event where subject = '" + caseId.get() + "'"));
        // A committed marker after it: once the marker is on the broker, the relay has passed where the rolled-back event would be.
        UUID marker = commitReferral();
        assertEquals(2, TopicReader.forCase(Topics.INTAKE, marker.toString(), 2, Duration.ofSeconds(30)).size());
        assertEquals(0, TopicReader.forCase(Topics.INTAKE, caseId.get().toString(), 1, Duration.ofSeconds(3)).size());
    }

    @Test
    void aCommittedTransactionProducesExactlyOneEvent() {
        UUID caseId = commitReferral();
        // A complete referral commits two rows (referred, work-up completed): each is one record on the broker.
        List<ConsumerRecord<String, String>> records = TopicReader.forCase(Topics.INTAKE, caseId.toString(), 2, Duration.ofSeconds(30));
        assertEquals(2, records.size());
        assertEquals(2, records.stream().map(r -> TopicReader.header(r, "ce_id")).distinct().count());
        awaitAllSent();
        assertEquals(2, count("select count(*) from outbox_event where subject = '" + caseId + "' and sent_at is not null"));
    }

    @Test
    void eventsCommittedWhileTheRelayIsDownAreAllPublishedAfterItRestarts() {
        relay.stop();
        List<UUID> cases = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                cases.add(commitReferral());
            }
            assertEquals(24, count("select count(*) from outbox_event where sent_at is null and subject in (" + inList(cases) + ")"));
        } finally {
            relay.start();
        }
        Set<String> ids = caseIds(cases);
        List<ConsumerRecord<String, String>> records = TopicReader.read(Topics.INTAKE, r -> ids.contains(r.key()), 24,
                Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertEquals(ids, records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()), "nothing lost");
        assertEquals(24, records.size(), "nothing published twice");
    }

    @Test
    void aRelayRestartedMidBatchLosesNothingAndItsRepublishedEventsKeepTheirIds() {
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            cases.add(commitReferral());
        }
        awaitAllSent();
        List<UUID> outboxIds = uuids("select id from outbox_event where subject in (" + inList(cases) + ")");
        assertEquals(40, outboxIds.size());

        // The crash window: the broker acknowledged half of the batch, the relay died before marking those rows sent.
        relay.stop();
        try {
            int reset = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "update outbox_event set sent_at = null where subject in (" + inList(cases.subList(0, 10)) + ")")
                    .executeUpdate());
            assertEquals(20, reset);
        } finally {
            relay.start();
        }
        awaitAllSent();

        Set<String> ids = caseIds(cases);
        List<ConsumerRecord<String, String>> records = TopicReader.read(Topics.INTAKE, r -> ids.contains(r.key()), 60,
                Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertEquals(60, records.size(), "the 20 unmarked events are published again, every event at least once");
        Set<String> eventIds = records.stream().map(r -> TopicReader.header(r, "ce_id")).collect(Collectors.toSet());
        assertEquals(outboxIds.stream().map(UUID::toString).collect(Collectors.toSet()), eventIds,
                "every event is on the broker, and a republished one carries the same id, so consumers drop it");
    }

    /**
     * Issue 22, item 5: a case's events are numbered 1, 2, 3... in the order their transactions commit, and the number
     * travels with the record. A second transaction for the case waits for the first one's number to commit, so the
     * one that commits later always carries the higher number.
     */
    @Test
    void aCasesEventsAreNumberedInTheOrderTheirTransactionsCommit() throws Exception {
        UUID caseId = commitReferral();
        List<ConsumerRecord<String, String>> referred = TopicReader.forCase(Topics.INTAKE, caseId.toString(), 2, Duration.ofSeconds(30));
        assertEquals(List.of("1", "2"), referred.stream().map(r -> TopicReader.header(r, "ce_casesequence")).toList());

        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            AtomicReference<Future<Long>> second = new AtomicReference<>();
            long first = QuarkusTransaction.requiringNew().call(() -> {
                long mine = outbox.publish(CaseEventTypes.WORKUP_COMPLETED, caseId.toString(),
                        new WorkupCompleted(caseId.toString(), Instant.now())).sequence();
                second.set(other.submit(() -> QuarkusTransaction.requiringNew().call(() -> outbox.publish(CaseEventTypes.WORKUP_COMPLETED,
                        caseId.toString(), new WorkupCompleted(caseId.toString(), Instant.now())).sequence())));
                long deadline = System.currentTimeMillis() + 30_000;
                while (((Number) em.createNativeQuery("select count(*) from pg_locks where locktype = 'transactionid' and not granted").getSingleResult()).longValue() == 0) {
                    assertTrue(System.currentTimeMillis() < deadline, "the second transaction never waited for the first");
                    sleep(20);
                }
                return mine;
            });
            assertEquals(3, first);
            assertEquals(4, second.get().get(30, TimeUnit.SECONDS), "the transaction that committed second has the next number");
        } finally {
            other.shutdownNow();
        }
        List<ConsumerRecord<String, String>> all = TopicReader.forCase(Topics.INTAKE, caseId.toString(), 4, Duration.ofSeconds(30));
        assertEquals(Set.of("1", "2", "3", "4"), all.stream().map(r -> TopicReader.header(r, "ce_casesequence")).collect(Collectors.toSet()));
    }

    /**
     * Issue 21: the outbox does not grow without bound. Rows sent longer ago than the retention go; recent and unsent
     * rows stay, and a case's numbering goes on after its rows went. Inbox ids go only when asked (the topics keep
     * events for ever, so by default they are kept).
     */
    @Test
    void sentRowsGoAfterTheirRetentionUnsentOnesNeverAndNumberingGoesOn() {
        UUID old = commitReferral();
        UUID recent = commitReferral();
        awaitAllSent();
        sql("update outbox_event set sent_at = now() - interval '40 days' where subject = '" + old + "'");
        relay.stop();
        try {
            UUID pending = commitReferral();
            sql("update outbox_event set created_at = now() - interval '40 days' where subject = '" + pending + "'");
            assertEquals(2, retention.purgeSentOutbox(Instant.now().minus(Duration.ofDays(30))));
            assertEquals(0, count("select count(*) from outbox_event where subject = '" + old + "'"));
            assertEquals(2, count("select count(*) from outbox_event where subject = '" + recent + "'"));
            assertEquals(2, count("select count(*) from outbox_event where subject = '" + pending + "' and sent_at is null"),
                    "an unsent row is never deleted, however old");
        } finally {
            relay.start();
        }
        long next = QuarkusTransaction.requiringNew().call(() -> outbox.publish(CaseEventTypes.WORKUP_COMPLETED, old.toString(),
                new WorkupCompleted(old.toString(), Instant.now())).sequence());
        assertEquals(3, next, "numbering goes on after the case's rows went");

        sql("update inbox_event set received_at = now() - interval '400 days' where event_id in (select event_id from inbox_event limit 3)");
        assertTrue(count("select count(*) from inbox_event where received_at < now() - interval '365 days'") > 0);
        retention.purgeInbox(Instant.now().minus(Duration.ofDays(365)));
        assertEquals(0, count("select count(*) from inbox_event where received_at < now() - interval '365 days'"));
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }

    private UUID commitReferral() {
        return referrals.open(request("HUB"), "test").created().caseId;
    }

    private ReferralCommand request(String site) {
        return json.convertValue(Referrals.valid(site), ReferralCommand.class);
    }

    private void awaitAllSent() {
        long deadline = System.currentTimeMillis() + 30_000;
        while (count("select count(*) from outbox_event where sent_at is null") > 0) {
            assertTrue(System.currentTimeMillis() < deadline, "the relay did not publish every pending row within 30 s");
            sleep(100);
        }
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<UUID> uuids(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> (List<UUID>) em.createNativeQuery(sql).getResultList());
    }

    private static String inList(List<UUID> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    }

    private static Set<String> caseIds(List<UUID> cases) {
        return cases.stream().map(UUID::toString).collect(Collectors.toCollection(HashSet::new));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
