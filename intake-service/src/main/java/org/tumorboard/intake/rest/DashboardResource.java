package org.tumorboard.intake.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.intake.service.CaseQueries;
import org.tumorboard.platform.security.Roles;

/** The hub dashboard's case counts per status, in all and per referring site ({@link CaseQueries#counts}). */
@Path("/api/dashboard/cases")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    @Inject
    CaseQueries queries;

    @GET
    @RolesAllowed(Roles.CLINICIAN)
    public CaseQueries.CaseCounts counts() {
        return queries.counts();
    }
}
