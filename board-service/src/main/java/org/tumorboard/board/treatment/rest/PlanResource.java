package org.tumorboard.board.treatment.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.board.treatment.service.TreatmentService;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;

@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    @Inject
    TreatmentService treatments;

    @Inject
    SiteScope siteScope;

    /** Decided plans whose next step is late, most overdue first. */
    @GET
    @Path("overdue")
    @RolesAllowed({ Roles.BOARD_CHAIR, Roles.SURGEON, Roles.COORDINATOR, Roles.BOARD_MEMBER })
    public List<TreatmentService.OverduePlan> overdue() {
        return treatments.overdue(siteScope.restrictFilter(null));
    }

    /** Every plan being carried out, its next step and when it is due, soonest first: the operating list's source. */
    @GET
    @Path("open")
    @RolesAllowed({ Roles.BOARD_CHAIR, Roles.SURGEON, Roles.COORDINATOR, Roles.BOARD_MEMBER })
    public List<TreatmentService.OverduePlan> open() {
        return treatments.open(siteScope.restrictFilter(null));
    }
}
