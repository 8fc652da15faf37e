package org.tumorboard.platform.deadletter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.security.Roles;


/**
 * The operator's view of this service's dead letters: list them, look at one, replay it as it was once its cause is
 * fixed. A corrected value is the topic owner's to publish ({@code POST /api/events/{eventId}/correction}), so that it
 * reaches every consumer. Every service serves it at the same path.
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

    /**
     * Why the record is replayed, for the audit trail. {@code value} (a corrected payload) is refused with a pointer to the
     * owner's correction: a value fixed here would reach this service only.
     */
    public record ReplayRequest(@Size(max = 65_536) String value,
            @NotBlank(message = "must say why the record is replayed") @Size(max = 500) String reason) {
    }

    @Inject
    DeadLetterReplay replays;

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
        return replays.list(openOnly, max).stream().map(DeadLetterView::of).toList();
    }

    @GET
    @Path("{id}")
    public DeadLetterView get(@PathParam("id") UUID id) {
        return DeadLetterView.of(replays.read(id));
    }

    @POST
    @Path("{id}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeadLetterView replay(@PathParam("id") UUID id,
            @NotNull(message = "a replay body with the reason is required") @Valid ReplayRequest request) {
        return DeadLetterView.of(replays.replay(id, request.value(), request.reason()));
    }
}
