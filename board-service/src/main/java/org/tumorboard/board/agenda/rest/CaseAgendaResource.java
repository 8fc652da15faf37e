package org.tumorboard.board.agenda.rest;

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

import org.tumorboard.board.agenda.service.AgendaService;
import org.tumorboard.board.service.BoardViews;
import org.tumorboard.platform.security.Roles;

/**
 * The chair's agenda commands on one case: waive its biopsy, reopen it, move it to another meeting. The answer is the
 * board's view read after the command's unit of work, so it shows where placement put the case.
 */
@Path("/api/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
public class CaseAgendaResource {

    @Inject
    AgendaService agenda;

    @Inject
    BoardViews views;

    /** The chair records why no biopsy is needed; the readiness gate then accepts the case without one. */
    @POST
    @Path("biopsy-waiver")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD_CHAIR)
    public BoardViews.BoardView waiveBiopsy(@PathParam("caseId") UUID caseId, AgendaService.ChairReason waiver) {
        agenda.waiveBiopsy(caseId, waiver);
        return views.board(caseId);
    }

    /** The chair brings a decided case back for a new round of discussion; the old round stays on record. */
    @POST
    @Path("reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD_CHAIR)
    public BoardViews.BoardView reopen(@PathParam("caseId") UUID caseId, AgendaService.ChairReason reason) {
        agenda.reopen(caseId, reason);
        return views.board(caseId);
    }

    @PUT
    @Path("meeting")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.BOARD_CHAIR)
    public BoardViews.BoardView move(@PathParam("caseId") UUID caseId, AgendaService.MoveCommand move) {
        return agenda.move(caseId, move);
    }
}
