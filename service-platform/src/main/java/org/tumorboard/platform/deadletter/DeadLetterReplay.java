package org.tumorboard.platform.deadletter;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tumorboard.events.MalformedEventException;
import org.tumorboard.platform.audit.AuditContext;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.failure.Conflict;
import org.tumorboard.platform.failure.InvalidInput;
import org.tumorboard.platform.failure.NotFound;
import org.tumorboard.platform.messaging.CaseEventHandler;
import org.tumorboard.platform.messaging.CaseEventProcessor;
import org.tumorboard.platform.messaging.RetryLaterException;
import org.tumorboard.platform.messaging.TransientFailures;

import io.quarkus.logging.Log;

/**
 * The operator's replay of a dead letter, once its cause is fixed: applied once through the inbox and the service's
 * handler, in one transaction with the dead letter's new state and the audit record. A record that still cannot be
 * applied is a conflict naming why; a database outage is thrown as it is (503), and the letter stays open.
 */
@ApplicationScoped
public class DeadLetterReplay {

    @Inject
    DeadLetters deadLetters;

    @Inject
    CaseEventProcessor processor;

    @Inject
    Instance<CaseEventHandler> handler;

    @Inject
    JsonWebToken caller;

    @Inject
    AuditContext audit;

    /** The operator lists the dead letters: reading them is on the audit trail (issue 22, item 6). */
    @Transactional
    @Audited("DEAD_LETTER_LIST")
    public List<DeadLetters.DeadLetter> list(boolean openOnly, int limit) {
        return deadLetters.list(openOnly, limit);
    }

    /** The operator reads one dead letter (its payload is a clinical fact): on the audit trail. */
    @Transactional
    @Audited("DEAD_LETTER_READ")
    public DeadLetters.DeadLetter read(UUID id) {
        DeadLetters.DeadLetter letter = deadLetters.find(id).orElseThrow(() -> new NotFound("no dead letter " + id));
        audit.concerns(caseIdOf(letter.key()));
        return letter;
    }

    /**
     * @param fixedValue refused when given: a correction is the owner's ({@code POST /api/events/{id}/correction} on the
     *        topic's owner), so that it reaches every consumer
     * @param reason why the operator replays it, on the audit record
     */
    @Transactional
    @Audited("DEAD_LETTER_REPLAY")
    public DeadLetters.DeadLetter replay(UUID id, String fixedValue, String reason) {
        DeadLetters.DeadLetter letter = deadLetters.find(id).orElseThrow(() -> new NotFound("no dead letter " + id));
        audit.concerns(caseIdOf(letter.key()));
        audit.note("reason: " + reason + (fixedValue == null ? "; replayed as it was" : "; a corrected value, refused here"));
        if (fixedValue != null) {
            // Issue 22, item 6: a value corrected here would reach this service only, and would be a clinical fact
            // written on the side. The topic's owner corrects its event, and every consumer receives the correction.
            throw new InvalidInput("value", "a corrected record is published by the topic's owner, so that every consuming service "
                    + "receives it: POST /api/events/" + letter.headers().get("ce_id") + "/correction on the service that owns "
                    + letter.topic() + "; here a dead letter is replayed as it was");
        }
        if (!letter.open()) {
            throw new Conflict("dead letter " + id + " was already replayed (" + letter.replayOutcome() + ")");
        }
        CaseEventProcessor.ReplayOutcome outcome;
        try {
            outcome = processor.replayWithinTransaction(letter.toRecord(), handler.get()::handle);
        } catch (MalformedEventException | RetryLaterException e) {
            deadLetters.markReplayFailed(id, e.getMessage());
            throw new Conflict("the record still cannot be applied: " + e.getMessage());
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            String failure = CaseEventProcessor.rootMessage(e);
            deadLetters.markReplayFailed(id, failure);
            throw new Conflict("the record still cannot be applied: " + failure);
        }
        // Two operators at once: the second's mark waits for the first's commit, finds the letter replayed and rolls back.
        if (!deadLetters.markReplayed(id, caller.getName(), outcome.name(), letter.value())) {
            throw new Conflict("dead letter " + id + " was replayed meanwhile by another operator");
        }
        Log.infof("dead letter %s replayed by %s: %s", id, caller.getName(), outcome);
        return deadLetters.find(id).orElseThrow(() -> new NotFound("no dead letter " + id));
    }

    /** Records are keyed by case id; a poison record may have any key, or none. */
    private static UUID caseIdOf(String key) {
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException notACaseId) {
            return null;
        }
    }
}
