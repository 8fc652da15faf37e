package org.tumorboard.board.rest;

import java.net.URI;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.tumorboard.board.service.AssessmentService;
import org.tumorboard.board.service.AgendaService;
import org.tumorboard.board.service.BoardViews;
import org.tumorboard.board.service.SurveillanceService;
import org.tumorboard.board.service.TreatmentService;
import org.tumorboard.board.service.VotingService;
import org.tumorboard.platform.security.Roles;

@Path("/api/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
public class BoardCaseResource {

    @Inject
    BoardViews views;

    @Inject
    VotingService voting;

    @Inject
    AgendaService agenda;

    @Inject
    TreatmentService treatments;

    @Inject
    SurveillanceService surveillance;

    @Inject
    AssessmentService assessments;

    /** The surgeon's or chair's resectability assessment (issue 20, path 3). */
    @POST
    @Path("resectability")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SURGEON, Roles.BOARD_CHAIR })
    public BoardViews.BoardView assessResectability(@PathParam("caseId") UUID caseId, AssessmentService.ResectabilityCommand command) {
        return assessments.assessResectability(caseId, command);
    }

    /** ECOG and major comorbidities (issue 20, path 4). */
    @PUT
    @Path("fitness")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SURGEON, Roles.BOARD_CHAIR, Roles.BOARD_MEMBER })
    public BoardViews.BoardView recordFitness(@PathParam("caseId") UUID caseId, AssessmentService.FitnessCommand command) {
        return assessments.recordFitness(caseId, command);
    }

    @GET
    @Path("board")
    @RolesAllowed(Roles.CLINICIAN)
    public BoardViews.BoardView board(@PathParam("caseId") UUID caseId) {
        return views.board(caseId);
    }

    @POST
    @Path("votes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD_MEMBER)
    public Response vote(@PathParam("caseId") UUID caseId, VotingService.VoteCommand vote) {
        return created(caseId, "board", voting.vote(caseId, vote));
    }

    @POST
    @Path("decision")
    @RolesAllowed(Roles.BOARD_CHAIR)
    public Response decide(@PathParam("caseId") UUID caseId) {
        return created(caseId, "board", voting.decide(caseId));
    }

    /** The chair records why no biopsy is needed; the readiness gate then accepts the case without one. */
    @POST
    @Path("biopsy-waiver")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD_CHAIR)
    public BoardViews.BoardView waiveBiopsy(@PathParam("caseId") UUID caseId, AgendaService.ChairReason waiver) {
        return agenda.waiveBiopsy(caseId, waiver);
    }

    /** The chair brings a decided case back for a new round of discussion; the old round stays on record. */
    @POST
    @Path("reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD_CHAIR)
    public BoardViews.BoardView reopen(@PathParam("caseId") UUID caseId, AgendaService.ChairReason reason) {
        return agenda.reopen(caseId, reason);
    }

    @PUT
    @Path("meeting")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD_CHAIR)
    public BoardViews.BoardView move(@PathParam("caseId") UUID caseId, AgendaService.MoveCommand move) {
        return agenda.move(caseId, move);
    }

    @POST
    @Path("treatments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SURGEON, Roles.BOARD_CHAIR })
    public Response recordTreatment(@PathParam("caseId") UUID caseId, TreatmentService.Milestone milestone) {
        return created(caseId, "board", treatments.record(caseId, milestone));
    }

    @GET
    @Path("surveillance")
    @RolesAllowed(Roles.CLINICIAN)
    public SurveillanceService.Schedule surveillance(@PathParam("caseId") UUID caseId) {
        return surveillance.scheduleOf(caseId);
    }

    @POST
    @Path("surveillance-visits")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.NURSE)
    public Response recordVisit(@PathParam("caseId") UUID caseId, SurveillanceService.VisitCommand visit) {
        return created(caseId, "surveillance", surveillance.recordVisit(caseId, visit));
    }

    private static Response created(UUID caseId, String view, Object body) {
        return Response.created(URI.create("/api/cases/" + caseId + "/" + view)).entity(body).build();
    }
}
