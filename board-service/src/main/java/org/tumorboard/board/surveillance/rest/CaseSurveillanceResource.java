package org.tumorboard.board.surveillance.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.tumorboard.board.rest.Created;
import org.tumorboard.board.surveillance.service.SurveillanceService;
import org.tumorboard.platform.security.Roles;

/** One case's surveillance: its schedule, and the nurse's record of each visit. */
@Path("/api/cases/{caseId}")
@Produces(MediaType.APPLICATION_JSON)
public class CaseSurveillanceResource {

    @Inject
    SurveillanceService surveillance;

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
        return Created.at(caseId, "surveillance", surveillance.recordVisit(caseId, visit));
    }
}
