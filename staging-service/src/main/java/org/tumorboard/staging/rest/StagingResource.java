package org.tumorboard.staging.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.platform.security.Roles;
import org.tumorboard.staging.service.StagingQueries;

@Path("/api/cases/{caseId}/staging")
@Produces(MediaType.APPLICATION_JSON)
public class StagingResource {

    @Inject
    StagingQueries stagings;

    @GET
    @RolesAllowed(Roles.CLINICIAN)
    public StagingQueries.StagingView current(@PathParam("caseId") UUID caseId) {
        return stagings.current(caseId);
    }

    @GET
    @Path("history")
    @RolesAllowed(Roles.CLINICIAN)
    public List<StagingQueries.StagingView> history(@PathParam("caseId") UUID caseId) {
        return stagings.history(caseId);
    }
}
