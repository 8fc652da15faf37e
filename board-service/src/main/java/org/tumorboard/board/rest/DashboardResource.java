package org.tumorboard.board.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.board.service.DashboardService;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;

/** The hub dashboard's timeliness figures; a spoke's user gets their own site's only. */
@Path("/api/dashboard/timeliness")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    @Inject
    DashboardService dashboard;

    @Inject
    SiteScope siteScope;

    @GET
    @RolesAllowed(Roles.CLINICIAN)
    public DashboardService.Timeliness timeliness() {
        return dashboard.timeliness(siteScope.restrictFilter(null));
    }
}
