package org.tumorboard.intake.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.common.TopicPartition;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.platform.NativeSql;
import org.tumorboard.platform.audit.AuditContext;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.deadletter.DeadLetters;
import org.tumorboard.platform.failure.Conflict;
import org.tumorboard.platform.messaging.CaseEventProcessor;
import org.tumorboard.platform.messaging.TopicReplay;
import org.tumorboard.platform.messaging.TransientFailures;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * The operator's rebuild of the case registry (every case's status, known grade and timeline) from the four topics
 * (issue 22, item 7). The new registry is built beside the live one, in schema {@value #SCHEMA}: the case rows are
 * copied with their derived columns reset, the topics are streamed into it (each event through that schema's inbox, in a
 * transaction of its own, with the schema first on the search path so the live handler's code writes there). Then, in
 * the rebuild's own transaction, the live registry is locked, the events published meanwhile are applied beside, and
 * the rebuilt status, grade, timeline and inbox replace the live ones at commit. A failure at any point before the
 * commit leaves the live registry as it was. One rebuild runs at a time (a transaction-scoped advisory lock, across
 * replicas); the rebuild is on the audit trail, with what it did or why it failed. Only events the live consumer has
 * applied are applied beside (so their live-only effects, a work-up completed, a dead letter closed, happened once); the
 * others are left to it, and it applies them after the swap. An event the live registry applied but the rebuild cannot
 * apply ends the rebuild (the two would differ); open dead letters are skipped, as live.
 * <p>
 * Referrals, patients and imaging (the source of truth) are never touched. While the swap holds the lock (the tail of
 * events and a few table copies), referrals and the live consumer wait for it.
 */
@ApplicationScoped
public class RegistryRebuild {

    static final String SCHEMA = "registry_rebuild";
    private static final List<String> TABLES = List.of("intake_case", "timeline_entry", "inbox_event");

    /** Dead letters replayed this long before the build's snapshot are applied again beside (idempotent through the inbox). */
    private static final java.time.Duration REPLAY_MARGIN = java.time.Duration.ofMinutes(1);

    /** What the registry derives from events, back to a case just referred. */
    private static final String RESET = "status = 'REFERRED', status_since = referred_at, known_grade = null, known_grade_sequence = null, "
            + "known_grade_at = null, pathway_sequence = null, pathway_at = null";

    /** Advisory lock key: one rebuild at a time per database. */
    private static final long REBUILD_LOCK = 0x7265_6275_696c_6421L;

    /** What a rebuild did: the cases whose registry was rebuilt and the replay of the topics. */
    public record Rebuilt(int cases, TopicReplay.Result replay) {
    }

    @Inject
    EntityManager em;

    @Inject
    TopicReplay replay;

    @Inject
    CaseEventProcessor processor;

    @Inject
    CaseRegistry registry;

    @Inject
    AuditContext audit;

    @Inject
    DeadLetters deadLetters;

    @Transactional
    @TransactionConfiguration(timeout = 6 * 3600)
    @Audited("REGISTRY_REBUILD")
    public Rebuilt rebuild(List<String> topics) {
        Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(:key)").setParameter("key", REBUILD_LOCK)
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            throw new Conflict("a rebuild of the case registry is already running; try again when it has finished");
        }
        String live = (String) em.createNativeQuery("select current_schema()").getSingleResult();
        // The topics' ends first, then the cases: every record below the ends was committed (with its case) before the copy.
        Map<TopicPartition, Long> upTo = replay.endOffsets(topics);
        Instant started = NativeSql.instant(em.createNativeQuery("select clock_timestamp()").getSingleResult()).minus(REPLAY_MARGIN);
        int cases = QuarkusTransaction.requiringNew().call(() -> prepare(live));
        // Only what the live consumer already applied is applied beside (its live-only effects, such as a work-up it
        // completes or a dead letter it closes, are then done); the rest is left to it, after the swap.
        List<CaseEvent> deferred = new ArrayList<>();
        TopicReplay.Applier beside = event -> besideIfAppliedLive(live, event, deferred);
        TopicReplay.Result built = replay.replay(topics, null, upTo, beside);

        // The swap. Lock order as the live consumer's writes (inbox first), so neither waits for the other in a cycle.
        em.createNativeQuery("lock table " + live + ".inbox_event, " + live + ".intake_case, " + live + ".timeline_entry in exclusive mode")
                .executeUpdate();
        int meanwhile = QuarkusTransaction.requiringNew().call(() -> copyCasesReferredSince(live));
        TopicReplay.Result caughtUp = replay.replay(topics, upTo, replay.endOffsets(topics), beside);
        // Under the lock the live consumer is still: what it applied since it was deferred is applied beside now.
        int deferredThenLive = 0;
        for (CaseEvent event : List.copyOf(deferred)) {
            if (appliedLive(live, event)) {
                applyStrictly(event);
                deferredThenLive++;
            }
        }
        int replayedMeanwhile = applyDeadLettersReplayedSince(started);
        swap(live);
        TopicReplay.Result total = built.plus(caughtUp);
        audit.note("topics " + topics + ": " + total.records() + " records, " + total.applied() + " applied, " + total.skipped()
                + " skipped or left to the live consumer; " + deferredThenLive + " applied live during the build; " + (cases + meanwhile)
                + " cases; " + replayedMeanwhile + " dead letters replayed during the rebuild");
        Log.infof("case registry rebuilt beside and swapped in: %d cases, %s (%d records after the build started)", cases + meanwhile,
                total, caughtUp.records());
        return new Rebuilt(cases + meanwhile, total);
    }

    /** Fresh tables beside, with the case rows (derived columns reset), an empty timeline and an empty inbox. */
    int prepare(String live) {
        dropTablesBeside(); // a rebuild that failed before its swap left them
        for (String table : TABLES) {
            em.createNativeQuery("create table " + SCHEMA + "." + table + " (like " + live + "." + table + " including all)").executeUpdate();
        }
        int cases = em.createNativeQuery("insert into " + SCHEMA + ".intake_case select * from " + live + ".intake_case").executeUpdate();
        em.createNativeQuery("update " + SCHEMA + ".intake_case set " + RESET).executeUpdate();
        return cases;
    }

    /** Cases referred while the build ran (read under the swap's lock, so no more can appear), reset like the others. */
    int copyCasesReferredSince(String live) {
        @SuppressWarnings("unchecked")
        List<UUID> added = em.createNativeQuery("select case_id from " + live + ".intake_case p where not exists (select 1 from "
                + SCHEMA + ".intake_case r where r.case_id = p.case_id)").getResultList();
        if (added.isEmpty()) {
            return 0;
        }
        em.createNativeQuery("insert into " + SCHEMA + ".intake_case select * from " + live + ".intake_case where case_id in (:ids)")
                .setParameter("ids", added).executeUpdate();
        em.createNativeQuery("update " + SCHEMA + ".intake_case set " + RESET + " where case_id in (:ids)").setParameter("ids", added)
                .executeUpdate();
        return added.size();
    }

    /**
     * Dead letters an operator replayed while the build ran: the build's snapshot skipped them and their effect went to
     * the live registry only, which the swap replaces; applied beside now, under the lock (the rebuild's inbox keeps one
     * already applied from counting twice). A replay still waiting for the lock commits after the swap, into the new one.
     */
    private int applyDeadLettersReplayedSince(Instant since) {
        int applied = 0;
        for (DeadLetters.DeadLetter letter : deadLetters.replayedSince(since)) {
            try {
                if (applyBeside(processor.believed(letter.toRecord())) == CaseEventProcessor.ReplayOutcome.APPLIED) {
                    applied++;
                }
            } catch (org.tumorboard.events.MalformedEventException e) {
                throw new IllegalStateException("dead letter " + letter.id() + " was replayed meanwhile but no longer passes: "
                        + e.getMessage(), e);
            }
        }
        return applied;
    }

    private CaseEventProcessor.ReplayOutcome besideIfAppliedLive(String live, CaseEvent event, List<CaseEvent> deferred) {
        if (!appliedLive(live, event)) {
            deferred.add(event);
            return CaseEventProcessor.ReplayOutcome.LEFT_TO_LIVE_CONSUMER;
        }
        return applyStrictly(event);
    }

    private boolean appliedLive(String live, CaseEvent event) {
        return ((Number) em.createNativeQuery("select count(*) from " + live + ".inbox_event where event_id = :id")
                .setParameter("id", event.id()).getSingleResult()).longValue() > 0;
    }

    /** The live registry applied it: a rebuild that cannot would differ from it, and ends (the live registry stays). */
    private CaseEventProcessor.ReplayOutcome applyStrictly(CaseEvent event) {
        try {
            return applyBeside(event);
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            throw new TopicReplay.Abort("event " + event.id() + " (" + event.type() + ") was applied by the live registry but the "
                    + "rebuild cannot apply it: " + CaseEventProcessor.rootMessage(e), e);
        }
    }

    /** One event into the registry being built: the live handler's code, with the rebuild's schema first on the path. */
    private CaseEventProcessor.ReplayOutcome applyBeside(CaseEvent event) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("set local search_path to " + SCHEMA).executeUpdate();
            return processor.replayWithinTransaction(event, registry::replayed);
        });
    }

    /** In the rebuild's transaction, under the lock: the rebuilt registry replaces the live one. */
    private void swap(String live) {
        em.createNativeQuery("update " + live + ".intake_case p set status = r.status, status_since = r.status_since, "
                + "known_grade = r.known_grade, known_grade_sequence = r.known_grade_sequence, known_grade_at = r.known_grade_at, "
                + "pathway_sequence = r.pathway_sequence, pathway_at = r.pathway_at from "
                + SCHEMA + ".intake_case r "
                + "where p.case_id = r.case_id").executeUpdate();
        em.createNativeQuery("delete from " + live + ".timeline_entry").executeUpdate();
        em.createNativeQuery("insert into " + live + ".timeline_entry select * from " + SCHEMA + ".timeline_entry").executeUpdate();
        em.createNativeQuery("delete from " + live + ".inbox_event").executeUpdate();
        em.createNativeQuery("insert into " + live + ".inbox_event select * from " + SCHEMA + ".inbox_event").executeUpdate();
        dropTablesBeside();
    }

    /**
     * The schema beside is the owner's (migration V6); the service's role creates and drops only its tables there
     * (issue 24, item 5: the service may not create schemas).
     */
    private void dropTablesBeside() {
        for (String table : TABLES) {
            em.createNativeQuery("drop table if exists " + SCHEMA + "." + table).executeUpdate();
        }
    }
}
