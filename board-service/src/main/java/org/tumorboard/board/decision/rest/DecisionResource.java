package org.tumorboard.board.decision.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.tumorboard.board.decision.service.AssessmentService;
import org.tumorboard.board.decision.service.VotingService;
import org.tumorboard.board.rest.Created;
import org.tumorboard.board.service.BoardViews;
import org.tumorboard.platform.security.Roles;

/** What the board decides on: resectability, fitness, the members' votes and the chair's decision. */
@Path("/api/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
public class DecisionResource {

    @Inject
    VotingService voting;

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

    @POST
    @Path("votes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD_MEMBER)
    public Response vote(@PathParam("caseId") UUID caseId, VotingService.VoteCommand vote) {
        return Created.at(caseId, "board", voting.vote(caseId, vote));
    }

    @POST
    @Path("decision")
    @RolesAllowed(Roles.BOARD_CHAIR)
    public Response decide(@PathParam("caseId") UUID caseId) {
        return Created.at(caseId, "board", voting.decide(caseId));
    }
}
