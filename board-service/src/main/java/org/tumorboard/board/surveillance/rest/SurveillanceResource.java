package org.tumorboard.board.surveillance.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.board.surveillance.service.SurveillanceService;
import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.problem.QueryParams;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;

@Path("/api/surveillance")
@Produces(MediaType.APPLICATION_JSON)
public class SurveillanceResource {

    @Inject
    SurveillanceService surveillance;

    @Inject
    SiteScope siteScope;

    /** The nurses' worklist a page at a time ({@code items}, {@code total}): as {@code due}, paged in SQL. */
    @GET
    @Path("due-visits")
    @RolesAllowed(Roles.NURSE)
    public SurveillanceService.DuePage duePage(@QueryParam("withinDays") @DefaultValue("30") String withinDays,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("25") String size,
            @QueryParam("caseId") List<String> caseIds) {
        return surveillance.duePage(QueryParams.wholeNumber("withinDays", withinDays, 0, 366), siteScope.restrictFilter(null),
                QueryParams.caseIds("caseId", caseIds, 100), QueryParams.wholeNumber("page", page, 0, 100_000),
                QueryParams.wholeNumber("size", size, 1, 100));
    }

    /** The nurses' worklist: visits due within the window or overdue, overdue first, site-scoped for spokes. */
    @GET
    @Path("due")
    @RolesAllowed(Roles.NURSE)
    public List<SurveillanceService.DueVisit> due(@QueryParam("withinDays") @DefaultValue("30") String withinDays) {
        int days;
        try {
            days = Integer.parseInt(withinDays);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("withinDays", "must be a whole number");
        }
        if (days < 0 || days > 366) {
            throw ProblemException.invalidField("withinDays", "must be between 0 and 366");
        }
        return surveillance.due(days, siteScope.restrictFilter(null));
    }
}
