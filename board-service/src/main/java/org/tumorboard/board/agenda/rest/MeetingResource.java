package org.tumorboard.board.agenda.rest;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.tumorboard.board.agenda.service.AgendaService;
import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.security.Roles;

@Path("/api/meetings")
@Produces(MediaType.APPLICATION_JSON)
public class MeetingResource {

    @Inject
    AgendaService agenda;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD_CHAIR)
    public Response create(AgendaService.MeetingCommand meeting) {
        // the answer is read after the unit of work, so it counts the ready cases the new meeting took
        AgendaService.MeetingView created = agenda.meeting(agenda.createMeeting(meeting));
        return Response.created(URI.create("/api/meetings/" + created.meetingId() + "/agenda")).entity(created).build();
    }

    @GET
    @RolesAllowed(Roles.CLINICIAN)
    public List<AgendaService.MeetingView> list(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = date("from", from, LocalDate.now(clock).minusDays(30));
        LocalDate end = date("to", to, start.plusDays(120));
        if (end.isBefore(start)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        return agenda.meetings(start, end);
    }

    @GET
    @Path("{meetingId}/agenda")
    @RolesAllowed(Roles.CLINICIAN)
    public AgendaService.Agenda agenda(@PathParam("meetingId") UUID meetingId) {
        return agenda.agenda(meetingId);
    }

    @PUT
    @Path("{meetingId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD_CHAIR)
    public AgendaService.MeetingView reschedule(@PathParam("meetingId") UUID meetingId, AgendaService.MeetingCommand plan) {
        return agenda.reschedule(meetingId, plan);
    }

    @POST
    @Path("{meetingId}/cancel")
    @RolesAllowed(Roles.BOARD_CHAIR)
    public AgendaService.MeetingView cancel(@PathParam("meetingId") UUID meetingId) {
        return agenda.cancel(meetingId);
    }

    @POST
    @Path("{meetingId}/close")
    @RolesAllowed(Roles.BOARD_CHAIR)
    public AgendaService.MeetingView close(@PathParam("meetingId") UUID meetingId) {
        return agenda.closeMeeting(meetingId);
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date (YYYY-MM-DD)");
        }
    }
}
