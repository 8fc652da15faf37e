package org.tumorboard.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Liveness;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.MalformedEventException;
import org.tumorboard.platform.deadletter.DeadLetters;
import org.tumorboard.platform.health.ConsumerLiveness;
import org.tumorboard.platform.inbox.Inbox;
import org.tumorboard.platform.security.Network;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies one consumed record exactly once in effect: the inbox entry and the consumer's effect commit together.
 * <ul>
 * <li>a malformed record throws {@link MalformedEventException}; the connector's dead-letter strategy then puts it on
 * the service's dead-letter topic with the reason, and the partition keeps flowing;</li>
 * <li>a transient failure (database down) is retried with back-off, holding the partition: the consumer pauses
 * rather than skips;</li>
 * <li>{@link RetryLaterException} (the case is not known yet) is retried with back-off a bounded number of times,
 * then dead-lettered;</li>
 * <li>any other failure is retried a few times, then dead-lettered with its reason.</li>
 * </ul>
 * A dead-lettered record is also kept in the service's {@code dead_letter} table, where an operator lists it and
 * replays it ({@link #replay}) once its cause is fixed.
 */
@ApplicationScoped
public class CaseEventProcessor {

    static final int ATTEMPTS_FOR_NON_TRANSIENT = 3;
    static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @Inject
    Inbox inbox;

    @Inject
    DeadLetters deadLetters;

    /** What a replay did. */
    public enum ReplayOutcome {
        APPLIED, ALREADY_APPLIED,
        /** Not applied by a rebuild: the live consumer has not applied it yet and will, with its live-only effects. */
        LEFT_TO_LIVE_CONSUMER
    }

    @Inject
    Clock clock;

    /**
     * How far ahead of this service's clock an event's time may be (issue 22, item 5): producers' clocks drift a little;
     * an event dated further ahead would pin a case's newest fact for as long as it is ahead, so it is not believed.
     */
    @ConfigProperty(name = "tumorboard.inbox.max-clock-skew", defaultValue = "PT5M")
    Duration maxClockSkew;

    /** How many times an event is tried while the database refuses connections for lack of slots (SQLSTATE 53300). */
    @ConfigProperty(name = "tumorboard.inbox.connection-limit.attempts", defaultValue = "8")
    int connectionLimitAttempts;

    @Inject
    @Liveness // the check's qualifier (it is not a @Default bean)
    ConsumerLiveness liveness;

    @Inject
    Network network;

    @ConfigProperty(name = "tumorboard.inbox.retry-later.attempts", defaultValue = "8")
    int retryLaterAttempts;

    @ConfigProperty(name = "tumorboard.inbox.retry-later.initial-backoff-ms", defaultValue = "250")
    long retryLaterInitialBackoffMs;

    public void process(ConsumerRecord<String, String> record, Consumer<CaseEvent> effect) {
        try {
            processWithRetries(record, effect);
        } catch (ConnectionLimitReached e) {
            holdUntilRestarted(record, e);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e; // shutting down while waiting to retry: redelivered after the restart, not a dead letter
            }
            // On its way to the dead-letter topic (the connector's strategy); kept here too for the operator.
            try {
                deadLetters.record(record, e.getMessage());
            } catch (RuntimeException storeFailure) {
                Log.errorf("could not keep dead letter %s-%d@%d in the database: %s", record.topic(), record.partition(),
                        record.offset(), storeFailure.getMessage());
            }
            throw e;
        }
    }

    /**
     * One attempt at a dead letter, after the operator fixed its cause (or its value): applied through the inbox, so an
     * event that has meanwhile arrived again counts once. Failures are thrown to the caller, not dead-lettered again.
     */
    public ReplayOutcome replay(ConsumerRecord<String, String> record, Consumer<CaseEvent> effect) {
        return replay(believed(record), closingCorrected(record, effect));
    }

    /**
     * The same attempt in the caller's transaction: the operator's replay commits its effect, the dead letter's new
     * state and the audit record together.
     */
    @Transactional(TxType.MANDATORY)
    public ReplayOutcome replayWithinTransaction(ConsumerRecord<String, String> record, Consumer<CaseEvent> effect) {
        return applyInCurrentTransaction(believed(record), closingCorrected(record, effect))
                ? ReplayOutcome.APPLIED : ReplayOutcome.ALREADY_APPLIED;
    }

    /**
     * The effect of an owner's correction (issue 22, item 6) also closes this service's dead letters of the event it
     * corrects, in the same transaction, whether it arrives live or is itself replayed.
     */
    private Consumer<CaseEvent> closingCorrected(ConsumerRecord<String, String> record, Consumer<CaseEvent> effect) {
        java.util.Optional<java.util.UUID> corrects = CloudEventRecords.corrects(record);
        if (corrects.isEmpty()) {
            return effect;
        }
        return e -> {
            effect.accept(e);
            int closed = deadLetters.closeCorrected(record.topic(), e.subject(), corrects.get(), e.id(), e.source());
            Log.infof("event %s corrects %s (%s): applied, %d dead letter(s) of it closed", e.id(), corrects.get(), e.type(), closed);
        };
    }

    /** One attempt at an event, through the inbox, in the caller's transaction (a rebuild building beside the live model). */
    @Transactional(TxType.MANDATORY)
    public ReplayOutcome replayWithinTransaction(CaseEvent event, Consumer<CaseEvent> effect) {
        return applyInCurrentTransaction(event, effect) ? ReplayOutcome.APPLIED : ReplayOutcome.ALREADY_APPLIED;
    }

    /** One attempt at an event, through the inbox (a rebuild replays the topics this way). */
    public ReplayOutcome replay(CaseEvent event, Consumer<CaseEvent> effect) {
        return applyOnce(event, effect) ? ReplayOutcome.APPLIED : ReplayOutcome.ALREADY_APPLIED;
    }

    /**
     * The event a record carries, if it is to be believed: well formed, from the topic's owner (issue 22, item 2) and not
     * dated in the future beyond the allowed skew (item 5). A live record and a replayed one pass the same checks.
     */
    public CaseEvent believed(ConsumerRecord<String, String> record) {
        CaseEvent event = CloudEventRecords.fromRecord(record);
        Instant latest = clock.instant().plus(maxClockSkew);
        if (event.time().isAfter(latest)) {
            throw new MalformedEventException("event " + event.id() + ": time " + event.time() + " is more than " + maxClockSkew
                    + " ahead of this service's clock");
        }
        if (event.is(CaseEventTypes.CASE_REFERRED) && !network.knows(event.payload(CaseEventTypes.CASE_REFERRED).referringSite())) {
            // a case's site is set once, by its referral (issue 24, item 3: a site the network does not know is refused)
            throw new MalformedEventException("CaseReferred.referringSite: event " + event.id() + " names a site that is not one of"
                    + " this network's");
        }
        return event;
    }

    private void processWithRetries(ConsumerRecord<String, String> record, Consumer<CaseEvent> effect) {
        CaseEvent event = believed(record);
        effect = closingCorrected(record, effect);
        int notYet = 0;
        long backoffMs = retryLaterInitialBackoffMs;
        while (true) {
            try {
                applyWithRetries(event, effect);
                return;
            } catch (RuntimeException e) {
                MalformedEventException malformed = causeOf(e, MalformedEventException.class);
                if (malformed != null) {
                    throw malformed;
                }
                RetryLaterException later = causeOf(e, RetryLaterException.class);
                if (later == null) {
                    throw e;
                }
                notYet++;
                if (notYet >= retryLaterAttempts) {
                    throw new EventProcessingException("event " + event.id() + " (" + event.type() + ") still cannot be applied after "
                            + notYet + " attempts: " + later.getMessage(), later);
                }
                Log.infof("event %s (%s) cannot be applied yet (attempt %d), retrying in %d ms: %s", event.id(), event.type(),
                        notYet, backoffMs, later.getMessage());
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    /**
     * Transient failures are retried until they pass; other failures a few times; a database that keeps refusing
     * connections for lack of slots a few times too, and then the consumer stops ({@link ConnectionLimitReached}).
     */
    private void applyWithRetries(CaseEvent event, Consumer<CaseEvent> effect) {
        int failures = 0;
        int refusedConnections = 0;
        long backoffMs = 100;
        while (true) {
            try {
                applyOnce(event, effect);
                return;
            } catch (RuntimeException e) {
                if (causeOf(e, MalformedEventException.class) != null || causeOf(e, RetryLaterException.class) != null) {
                    throw e;
                }
                if (TransientFailures.isConnectionLimit(e) && ++refusedConnections >= connectionLimitAttempts) {
                    throw new ConnectionLimitReached("event " + event.id() + " (" + event.type() + "): the database refused a connection "
                            + refusedConnections + " times for lack of slots (" + rootMessage(e) + ")", e);
                }
                boolean transientFailure = TransientFailures.isTransient(e);
                failures++;
                if (!transientFailure && failures >= ATTEMPTS_FOR_NON_TRANSIENT) {
                    throw new EventProcessingException("event " + event.id() + " (" + event.type() + ") failed "
                            + failures + " times: " + rootMessage(e), e);
                }
                Log.warnf("event %s (%s) failed (%s, attempt %d), retrying in %d ms: %s", event.id(), event.type(),
                        transientFailure ? "transient" : "non-transient", failures, backoffMs, rootMessage(e));
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    /** The inbox entry and the effect in one transaction; a redelivered event changes nothing. */
    private boolean applyOnce(CaseEvent event, Consumer<CaseEvent> effect) {
        boolean applied = QuarkusTransaction.requiringNew().call(() -> applyInCurrentTransaction(event, effect));
        if (!applied) {
            Log.debugf("event %s (%s) already processed; redelivery skipped", event.id(), event.type());
        }
        return applied;
    }

    /** The effect, once per event id: false when the inbox has seen the event before. */
    private boolean applyInCurrentTransaction(CaseEvent event, Consumer<CaseEvent> effect) {
        if (!inbox.recordFirstDelivery(event)) {
            return false;
        }
        effect.accept(event);
        return true;
    }

    /** The database keeps refusing connections: an operator must act (pools or limits), retrying will not help. */
    static final class ConnectionLimitReached extends RuntimeException {
        ConnectionLimitReached(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Not a dead letter (nothing is wrong with the event, and the database could not keep one anyway): the consumer
     * reports itself not live and holds the record, never acknowledged, until the process ends (Kubernetes restarts it
     * on the failing liveness probe); the record is then delivered again. It holds through a stop too: ending the
     * method, normally or not, would acknowledge the record (or send it to the dead-letter topic), and the event would
     * be skipped.
     */
    private void holdUntilRestarted(ConsumerRecord<String, String> record, ConnectionLimitReached e) {
        liveness.stop(e.getMessage() + "; the connection pools of the running replicas exceed what the database allows:"
                + " lower QUARKUS_DATASOURCE_JDBC_MAX_SIZE or the replicas, or raise the role's connection limit, then restart");
        Log.errorf("stopped consuming at %s-%d@%d until restarted: %s", record.topic(), record.partition(), record.offset(),
                e.getMessage());
        while (true) {
            try {
                Thread.sleep(Duration.ofMinutes(1).toMillis());
                Log.errorf("still stopped at %s-%d@%d: the database refused connections; restart the service once fixed",
                        record.topic(), record.partition(), record.offset());
            } catch (InterruptedException stopping) {
                Log.warnf("stopping while holding %s-%d@%d: it is not acknowledged and comes again after the restart", record.topic(),
                        record.partition(), record.offset());
            }
        }
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The innermost cause's type and message: what went wrong, without the wrappers. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry an event", e);
        }
    }
}
