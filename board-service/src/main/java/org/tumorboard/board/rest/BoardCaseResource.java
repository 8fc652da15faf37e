package org.tumorboard.board.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tumorboard.board.BoardCase;
import org.tumorboard.board.Decision;
import org.tumorboard.board.Discipline;
import org.tumorboard.board.NotImplementedReason;
import org.tumorboard.board.PlanOption;
import org.tumorboard.board.Treatment;
import org.tumorboard.board.TreatmentType;
import org.tumorboard.board.VisitOutcome;
import org.tumorboard.board.repository.BoardCaseRepository;
import org.tumorboard.board.repository.DecisionRepository;
import org.tumorboard.board.repository.VoteRepository;
import org.tumorboard.board.rules.PlanSuggestions;
import org.tumorboard.board.rules.Readiness;
import org.tumorboard.board.service.AgendaService;
import org.tumorboard.board.service.SurveillanceService;
import org.tumorboard.board.service.TreatmentService;
import org.tumorboard.board.service.VotingService;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import com.fasterxml.jackson.databind.ObjectMapper;

@Path("/api/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
public class BoardCaseResource {

    public record VoteView(String member, Discipline discipline, PlanOption option, String rationale, Instant castAt) {
    }

    public record DecisionView(PlanOption option, int round, Instant decidedAt, String decidedBy, JsonNode votes) {
    }

    /** api-contract.md, board-service: {@code GET /api/cases/{caseId}/board}. */
    public record BoardView(UUID caseId, boolean ready, List<Readiness.Missing> missing, String notSarcomaReason, UUID meetingId,
            int round, List<PlanSuggestions.Suggestion> suggestedOptions, List<VoteView> votes, DecisionView decision) {
    }

    public record VoteRequest(@NotNull PlanOption option, @NotBlank @Size(max = 2000) String rationale) {
    }

    /** A reason the chair records: why no biopsy is needed, why the case is discussed again. */
    public record WaiverRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    public record MoveRequest(@NotNull UUID meetingId) {
    }

    public record TreatmentRequest(
            @NotNull TreatmentType type,
            @NotNull LocalDate date,
            Boolean enBloc,
            @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be an organ code such as KIDNEY_LEFT") String> organsResected,
            Boolean grossResidualDisease,
            NotImplementedReason reasonCode) {
    }

    public record TreatmentView(UUID treatmentId, TreatmentType type, LocalDate date) {
    }

    public record Schedule(UUID caseId, String track, LocalDate surgeryDate, boolean inSurveillance, boolean discharged,
            List<SurveillanceService.VisitView> visits) {
    }

    public record VisitRequest(@NotNull LocalDate date, @NotNull VisitOutcome outcome, @Size(max = 4000) String notes) {
    }

    @Inject
    BoardCaseRepository cases;

    @Inject
    VoteRepository votes;

    @Inject
    DecisionRepository decisions;

    @Inject
    VotingService voting;

    @Inject
    AgendaService agenda;

    @Inject
    TreatmentService treatments;

    @Inject
    SurveillanceService surveillance;

    @Inject
    SiteScope siteScope;

    @Inject
    JsonWebToken caller;

    @Inject
    ObjectMapper json;

    @GET
    @Path("board")
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.PATHOLOGIST, Roles.BOARD_MEMBER, Roles.BOARD_CHAIR, Roles.SURGEON, Roles.NURSE })
    public BoardView board(@PathParam("caseId") UUID caseId) {
        return view(visibleCase(caseId));
    }

    @POST
    @Path("votes")
    @Transactional
    @Audited("VOTE")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD_MEMBER)
    public Response vote(@PathParam("caseId") UUID caseId, @NotNull(message = "a vote body is required") @Valid VoteRequest request) {
        Discipline discipline = discipline();
        BoardCase c = visibleCase(caseId);
        voting.vote(c, caller.getName(), discipline, request.option(), request.rationale());
        return Response.created(URI.create("/api/cases/" + caseId + "/board")).entity(view(c)).build();
    }

    @POST
    @Path("decision")
    @Transactional
    @Audited("DECISION")
    @RolesAllowed(Roles.BOARD_CHAIR)
    public Response decide(@PathParam("caseId") UUID caseId) {
        BoardCase c = visibleCase(caseId);
        Decision d = voting.decide(c, caller.getName());
        return Response.created(URI.create("/api/cases/" + caseId + "/board")).entity(decisionView(d)).build();
    }

    /** The chair records why no biopsy is needed; the readiness gate then accepts the case without one. */
    @POST
    @Path("biopsy-waiver")
    @Transactional
    @Audited("BIOPSY_WAIVER")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD_CHAIR)
    public BoardView waiveBiopsy(@PathParam("caseId") UUID caseId, @NotNull @Valid WaiverRequest request) {
        BoardCase c = visibleCase(caseId);
        c.biopsyWaiverReason = request.reason();
        cases.flush();
        agenda.placeWaitingCases();
        return view(c);
    }

    /** The chair brings a decided case back for a new round of discussion; the old round stays on record. */
    @POST
    @Path("reopen")
    @Transactional
    @Audited("REOPEN")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD_CHAIR)
    public BoardView reopen(@PathParam("caseId") UUID caseId, @NotNull @Valid WaiverRequest request) {
        BoardCase c = visibleCase(caseId);
        if (c.decidedOption == null) {
            throw ProblemException.conflict("case " + caseId + " has no decision to reopen");
        }
        Log.infof("case %s reopened by the chair for round %d", caseId, c.discussionRound + 1);
        c.reopen();
        cases.flush();
        agenda.placeWaitingCases();
        return view(c);
    }

    @PUT
    @Path("meeting")
    @Transactional
    @Audited("MEETING_MOVE")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD_CHAIR)
    public BoardView move(@PathParam("caseId") UUID caseId, @NotNull @Valid MoveRequest request) {
        return view(agenda.move(visibleCase(caseId), request.meetingId()));
    }

    @POST
    @Path("treatments")
    @Transactional
    @Audited("TREATMENT")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SURGEON, Roles.BOARD_CHAIR })
    public Response recordTreatment(@PathParam("caseId") UUID caseId,
            @NotNull(message = "a treatment body is required") @Valid TreatmentRequest r) {
        Treatment t = treatments.record(visibleCase(caseId), new TreatmentService.Milestone(r.type(), r.date(), r.enBloc(),
                r.organsResected(), r.grossResidualDisease(), r.reasonCode()), caller.getName());
        return Response.created(URI.create("/api/cases/" + caseId + "/board")).entity(new TreatmentView(t.id, t.type, t.date)).build();
    }

    @GET
    @Path("surveillance")
    @Transactional
    @RolesAllowed({ Roles.NURSE, Roles.COORDINATOR, Roles.BOARD_MEMBER, Roles.BOARD_CHAIR, Roles.SURGEON, Roles.PATHOLOGIST })
    public Schedule surveillance(@PathParam("caseId") UUID caseId) {
        BoardCase c = visibleCase(caseId);
        return new Schedule(caseId, c.surveillanceTrack, c.surgeryDate, c.inSurveillance, c.discharged, surveillance.schedule(caseId));
    }

    @POST
    @Path("surveillance-visits")
    @Transactional
    @Audited("SURVEILLANCE_VISIT")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.NURSE)
    public Response recordVisit(@PathParam("caseId") UUID caseId, @NotNull(message = "a visit body is required") @Valid VisitRequest r) {
        SurveillanceService.VisitView visit = surveillance.recordVisit(visibleCase(caseId), r.date(), r.outcome(), r.notes(),
                caller.getName());
        return Response.created(URI.create("/api/cases/" + caseId + "/surveillance")).entity(visit).build();
    }

    private Discipline discipline() {
        Object claim = caller.getClaim("discipline");
        try {
            return Discipline.valueOf(String.valueOf(claim));
        } catch (IllegalArgumentException e) {
            throw ProblemException.forbidden("only board members of a core discipline vote; the token carries no valid discipline");
        }
    }

    private BoardView view(BoardCase c) {
        Readiness.Result readiness = c.readiness();
        List<VoteView> roundVotes = votes.ofRound(c.caseId, c.discussionRound).stream()
                .map(v -> new VoteView(v.member, v.discipline, v.option, v.rationale, v.castAt)).toList();
        DecisionView decision = decisions.of(c.caseId, c.discussionRound).map(this::decisionView).orElse(null);
        return new BoardView(c.caseId, readiness.ready(), readiness.missing(), c.nonSarcomaReason, c.meetingId, c.discussionRound,
                PlanSuggestions.suggest(c.histology, c.grade, c.metastatic, null, c.nonSarcoma), roundVotes, decision);
    }

    private DecisionView decisionView(Decision d) {
        try {
            return new DecisionView(d.option, d.round, d.decidedAt, d.decidedBy, json.readTree(d.votes));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored decision is not JSON", e);
        }
    }

    private BoardCase visibleCase(UUID caseId) {
        return cases.findByIdOptional(caseId)
                .filter(found -> siteScope.canSee(found.referringSite))
                .orElseThrow(() -> ProblemException.notFound("case " + caseId));
    }
}
