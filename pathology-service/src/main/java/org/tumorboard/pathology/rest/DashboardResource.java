package org.tumorboard.pathology.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.pathology.service.MarginDashboard;
import org.tumorboard.platform.security.Roles;

/** The hub dashboard's R0 rate ({@link MarginDashboard}). */
@Path("/api/dashboard/margins")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    @Inject
    MarginDashboard dashboard;

    @GET
    @RolesAllowed(Roles.CLINICIAN)
    public MarginDashboard.Margins margins() {
        return dashboard.margins();
    }
}
