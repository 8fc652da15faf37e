package org.tumorboard.board.rest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tumorboard.board.BoardCase;
import org.tumorboard.board.Meeting;
import org.tumorboard.board.repository.BoardCaseRepository;
import org.tumorboard.board.repository.MeetingRepository;
import org.tumorboard.board.service.AgendaService;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;

@Path("/api/meetings")
@Produces(MediaType.APPLICATION_JSON)
public class MeetingResource {

    public record MeetingRequest(@NotNull LocalDate date, @NotNull @Min(1) @Max(100) Integer capacity) {
    }

    public record MeetingView(UUID meetingId, LocalDate date, int capacity, long scheduled, boolean closed) {
    }

    /** One agenda line: what the board needs to see at a glance. */
    public record AgendaItem(UUID caseId, String referringSite, String stageGroup, String histology, String grade,
            String failurePattern, List<String> alerts, Long daysSinceReferral, String decidedOption) {
    }

    public record Agenda(MeetingView meeting, List<AgendaItem> cases) {
    }

    @Inject
    AgendaService agenda;

    @Inject
    MeetingRepository meetings;

    @Inject
    BoardCaseRepository cases;

    @Inject
    SiteScope siteScope;

    @Inject
    JsonWebToken caller;

    @Inject
    Clock clock;

    @POST
    @Transactional
    @Audited("MEETING_CREATE")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD_CHAIR)
    public Response create(@NotNull(message = "a meeting body is required") @Valid MeetingRequest request) {
        Meeting m = agenda.create(request.date(), request.capacity(), caller.getName());
        return Response.created(URI.create("/api/meetings/" + m.id + "/agenda")).entity(view(m)).build();
    }

    @GET
    @Transactional
    @RolesAllowed({ Roles.BOARD_MEMBER, Roles.BOARD_CHAIR, Roles.SURGEON, Roles.PATHOLOGIST, Roles.COORDINATOR, Roles.NURSE })
    public List<MeetingView> list(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = date("from", from, LocalDate.now(clock).minusDays(30));
        LocalDate end = date("to", to, start.plusDays(120));
        if (end.isBefore(start)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        return meetings.between(start, end).stream().map(this::view).toList();
    }

    @GET
    @Path("{meetingId}/agenda")
    @Transactional
    @RolesAllowed({ Roles.BOARD_MEMBER, Roles.BOARD_CHAIR, Roles.SURGEON, Roles.PATHOLOGIST, Roles.COORDINATOR, Roles.NURSE })
    public Agenda agenda(@PathParam("meetingId") UUID meetingId) {
        Meeting m = meetings.findByIdOptional(meetingId).orElseThrow(() -> ProblemException.notFound("meeting " + meetingId));
        List<AgendaItem> items = cases.onAgenda(meetingId).stream()
                .filter(c -> siteScope.canSee(c.referringSite))
                .map(this::item)
                .toList();
        return new Agenda(view(m), items);
    }

    @POST
    @Path("{meetingId}/close")
    @Transactional
    @Audited("MEETING_CLOSE")
    @RolesAllowed(Roles.BOARD_CHAIR)
    public MeetingView close(@PathParam("meetingId") UUID meetingId) {
        return view(agenda.close(meetingId));
    }

    private AgendaItem item(BoardCase c) {
        Long days = c.referredAt == null ? null : Duration.between(c.referredAt, clock.instant()).toDays();
        List<String> alerts = c.alerts == null || c.alerts.isBlank() ? List.of() : Arrays.asList(c.alerts.split(","));
        return new AgendaItem(c.caseId, c.referringSite, c.stageGroup, c.histology, c.grade, c.failurePattern, alerts, days,
                c.decidedOption);
    }

    private MeetingView view(Meeting m) {
        return new MeetingView(m.id, m.date, m.capacity, cases.countOnAgenda(m.id), m.closed);
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
