package org.tumorboard.board.treatment.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.tumorboard.board.rest.Created;
import org.tumorboard.board.treatment.service.TreatmentService;
import org.tumorboard.platform.security.Roles;

/** The decided plan carried out: each treatment milestone, or why the plan was not implemented. */
@Path("/api/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
public class TreatmentResource {

    @Inject
    TreatmentService treatments;

    @POST
    @Path("treatments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SURGEON, Roles.BOARD_CHAIR })
    public Response recordTreatment(@PathParam("caseId") UUID caseId, TreatmentService.Milestone milestone) {
        return Created.at(caseId, "board", treatments.record(caseId, milestone));
    }
}
