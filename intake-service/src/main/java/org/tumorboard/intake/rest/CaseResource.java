package org.tumorboard.intake.rest;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.intake.CaseStatus;
import org.tumorboard.intake.service.CaseQueries;
import org.tumorboard.intake.service.CaseView;
import org.tumorboard.intake.service.ReferralCommand;
import org.tumorboard.intake.service.ReferralService;
import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.problem.QueryParams;
import org.tumorboard.platform.security.Roles;

@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    @Inject
    CaseQueries queries;

    @Inject
    ReferralService referrals;

    @GET
    @RolesAllowed(Roles.CLINICIAN)
    public CaseQueries.CasePage list(@QueryParam("status") String status, @QueryParam("site") String site,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("20") String size,
            @QueryParam("q") String text, @QueryParam("referredFrom") String referredFrom,
            @QueryParam("referredTo") String referredTo, @QueryParam("caseId") List<String> caseIds) {
        CaseQueries.ListQuery asked = new CaseQueries.ListQuery(QueryParams.text("q", text, 100), parseStatus(status),
                site == null || site.isBlank() ? null : site.strip(), QueryParams.date("referredFrom", referredFrom),
                QueryParams.date("referredTo", referredTo), QueryParams.caseIds("caseId", caseIds, 100));
        return queries.list(asked, QueryParams.wholeNumber("page", page, 0, 100_000),
                QueryParams.wholeNumber("size", size, 1, 100));
    }

    @GET
    @Path("{caseId}")
    @RolesAllowed(Roles.CLINICIAN)
    public CaseView get(@PathParam("caseId") UUID caseId) {
        return queries.read(caseId);
    }

    @PUT
    @Path("{caseId}/imaging")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    public CaseView updateImaging(@PathParam("caseId") UUID caseId, ReferralCommand.Imaging imaging) {
        return referrals.updateImaging(caseId, imaging);
    }

    @POST
    @Path("{caseId}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    public ReferralService.Withdrawn withdraw(@PathParam("caseId") UUID caseId, ReferralService.Withdrawal withdrawal) {
        return referrals.withdraw(caseId, withdrawal);
    }

    private static CaseStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return CaseStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be one of " + Arrays.toString(CaseStatus.values()));
        }
    }
}
