package org.tumorboard.platform.correction;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.platform.security.Roles;

/**
 * The operator corrects an event this service published: every consuming service receives the correction
 * ({@link EventCorrections}). Every service serves it at the same path, for its own events.
 */
@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
public class EventCorrectionResource {

    /** The corrected payload (the event's JSON {@code data}) and why, for the audit trail. */
    public record CorrectionRequest(
            @NotBlank(message = "must be the corrected payload of the event") @Size(max = 65_536) String value,
            @NotBlank(message = "must say why the event is corrected") @Size(max = 500) String reason) {
    }

    @Inject
    EventCorrections corrections;

    @POST
    @Path("{eventId}/correction")
    @Consumes(MediaType.APPLICATION_JSON)
    public EventCorrections.Correction correct(@PathParam("eventId") UUID eventId,
            @NotNull(message = "a correction body with the value and the reason is required") @Valid CorrectionRequest request) {
        return corrections.correct(eventId, request.value(), request.reason());
    }
}
