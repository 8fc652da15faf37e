package org.tumorboard.platform.deadletter;

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

    /** @param fixedValue a corrected record value (the JSON payload) to apply instead of the stored one; null for as it was */
    @Transactional
    @Audited("DEAD_LETTER_REPLAY")
    public DeadLetters.DeadLetter replay(UUID id, String fixedValue) {
        DeadLetters.DeadLetter letter = deadLetters.find(id).orElseThrow(() -> new NotFound("no dead letter " + id));
        audit.concerns(caseIdOf(letter.key()));
        if (!letter.open()) {
            throw new Conflict("dead letter " + id + " was already replayed (" + letter.replayOutcome() + ")");
        }
        try {
            CaseEventProcessor.ReplayOutcome outcome = processor.replayWithinTransaction(letter.toRecord(fixedValue), handler.get()::handle);
            deadLetters.markReplayed(id, caller.getName(), outcome.name(), fixedValue == null ? letter.value() : fixedValue);
            Log.infof("dead letter %s replayed by %s: %s%s", id, caller.getName(), outcome, fixedValue == null ? "" : " (corrected value)");
        } catch (MalformedEventException | RetryLaterException e) {
            deadLetters.markReplayFailed(id, e.getMessage());
            throw new Conflict("the record still cannot be applied: " + e.getMessage());
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            String reason = CaseEventProcessor.rootMessage(e);
            deadLetters.markReplayFailed(id, reason);
            throw new Conflict("the record still cannot be applied: " + reason);
        }
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
