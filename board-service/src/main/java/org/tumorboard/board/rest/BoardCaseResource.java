package org.tumorboard.board.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.board.service.BoardViews;
import org.tumorboard.platform.security.Roles;

/** The board's view of a case; each feature's commands on it are in its own resource (agenda, decision, treatment, surveillance). */
@Path("/api/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
public class BoardCaseResource {

    @Inject
    BoardViews views;

    @GET
    @Path("board")
    @RolesAllowed(Roles.CLINICIAN)
    public BoardViews.BoardView board(@PathParam("caseId") UUID caseId) {
        return views.board(caseId);
    }
}
