package org.tumorboard.platform.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tumorboard.events.MalformedEventException;
import org.tumorboard.platform.audit.AuditContext;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.messaging.CaseEventEffect;
import org.tumorboard.platform.messaging.CaseEventProcessor;
import org.tumorboard.platform.messaging.RetryLaterException;
import org.tumorboard.platform.messaging.TransientFailures;
import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.security.Roles;

import io.quarkus.logging.Log;

/**
 * The operator's view of this service's dead letters: list them, look at one, replay it once its cause is fixed
 * (optionally with a corrected record value). Every service serves it at the same path.
 */
@Path("/api/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class DeadLetterResource {

    public record DeadLetterView(UUID id, String topic, int partition, long offset, String key, Map<String, String> headers,
            String value, String reason, Instant deadLetteredAt, String state, Instant replayedAt, String replayedBy,
            String replayOutcome, String lastReplayError) {

        static DeadLetterView of(DeadLetters.DeadLetter d) {
            return new DeadLetterView(d.id(), d.topic(), d.partition(), d.offset(), d.key(), d.headers(), d.value(), d.reason(),
                    d.deadLetteredAt(), d.open() ? "OPEN" : "REPLAYED", d.replayedAt(), d.replayedBy(), d.replayOutcome(),
                    d.lastReplayError());
        }
    }

    /** A corrected record value (the JSON payload) to apply instead of the stored one; null replays it as it was. */
    public record ReplayRequest(@Size(max = 65_536) String value) {
    }

    @Inject
    DeadLetters deadLetters;

    @Inject
    CaseEventProcessor processor;

    @Inject
    Instance<CaseEventEffect> effect;

    @Inject
    JsonWebToken caller;

    @Inject
    AuditContext audit;

    @GET
    public List<DeadLetterView> list(@QueryParam("state") @DefaultValue("OPEN") String state,
            @QueryParam("limit") @DefaultValue("100") String limit) {
        boolean openOnly = switch (state) {
            case "OPEN" -> true;
            case "ALL" -> false;
            default -> throw ProblemException.invalidField("state", "must be OPEN or ALL");
        };
        int max;
        try {
            max = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("limit", "must be a whole number from 1 to 1000");
        }
        if (max < 1 || max > 1000) {
            throw ProblemException.invalidField("limit", "must be a whole number from 1 to 1000");
        }
        return deadLetters.list(openOnly, max).stream().map(DeadLetterView::of).toList();
    }

    @GET
    @Path("{id}")
    public DeadLetterView get(@PathParam("id") UUID id) {
        return DeadLetterView.of(find(id));
    }

    @POST
    @Path("{id}/replay")
    @Transactional
    @Audited("DEAD_LETTER_REPLAY")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeadLetterView replay(@PathParam("id") UUID id, ReplayRequest request) {
        DeadLetters.DeadLetter letter = find(id);
        audit.concerns(caseIdOf(letter.key()));
        if (!letter.open()) {
            throw ProblemException.conflict("dead letter " + id + " was already replayed (" + letter.replayOutcome() + ")");
        }
        String fixedValue = request == null ? null : request.value();
        try {
            CaseEventProcessor.ReplayOutcome outcome = processor.replayWithinTransaction(letter.toRecord(fixedValue), effect.get());
            deadLetters.markReplayed(id, caller.getName(), outcome.name(), fixedValue == null ? letter.value() : fixedValue);
            Log.infof("dead letter %s replayed by %s: %s%s", id, caller.getName(), outcome, fixedValue == null ? "" : " (corrected value)");
        } catch (MalformedEventException | RetryLaterException e) {
            deadLetters.markReplayFailed(id, e.getMessage());
            throw ProblemException.conflict("the record still cannot be applied: " + e.getMessage());
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            String reason = CaseEventProcessor.rootMessage(e);
            deadLetters.markReplayFailed(id, reason);
            throw ProblemException.conflict("the record still cannot be applied: " + reason);
        }
        return DeadLetterView.of(find(id));
    }

    /** Records are keyed by case id; a poison record may have any key, or none. */
    private static UUID caseIdOf(String key) {
        try {
            return key == null ? null : UUID.fromString(key);
        } catch (IllegalArgumentException notACaseId) {
            return null;
        }
    }

    private DeadLetters.DeadLetter find(UUID id) {
        return deadLetters.find(id).orElseThrow(() -> ProblemException.notFound("no dead letter " + id));
    }
}
