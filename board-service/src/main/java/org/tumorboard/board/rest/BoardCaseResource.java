package org.tumorboard.board.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.board.BoardCase;
import org.tumorboard.board.repository.BoardCaseRepository;
import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;

@Path("/api/cases/{caseId}/board")
@Produces(MediaType.APPLICATION_JSON)
public class BoardCaseResource {

    /** api-contract.md, board-service; meetings, options, votes and decisions arrive with the board issue. */
    public record BoardView(UUID caseId, boolean ready, List<BoardCase.Missing> missing, UUID meetingId,
            List<Object> suggestedOptions, List<Object> votes, Object decision) {
    }

    @Inject
    BoardCaseRepository cases;

    @Inject
    SiteScope siteScope;

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.PATHOLOGIST, Roles.BOARD_MEMBER, Roles.BOARD_CHAIR, Roles.SURGEON, Roles.NURSE })
    public BoardView board(@PathParam("caseId") UUID caseId) {
        BoardCase c = cases.findByIdOptional(caseId)
                .filter(found -> siteScope.canSee(found.referringSite))
                .orElseThrow(() -> ProblemException.notFound("case " + caseId));
        List<BoardCase.Missing> missing = c.missing();
        return new BoardView(c.caseId, missing.isEmpty(), missing, null, List.of(), List.of(), null);
    }
}
