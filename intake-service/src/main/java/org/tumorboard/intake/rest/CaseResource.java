package org.tumorboard.intake.rest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.tumorboard.intake.IntakeCase;
import org.tumorboard.intake.repository.CaseRepository;
import org.tumorboard.intake.service.ReferralService;
import org.tumorboard.platform.audit.AuditContext;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.problem.QueryParams;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    public record CaseSummary(UUID caseId, String referringSite, CaseStatus status, Instant statusSince, Instant referredAt) {
    }

    public record CasePage(List<CaseSummary> items, int page, int size, long total) {
    }

    public record Withdrawal(@NotBlank @Size(max = 1000) String reason) {
    }

    public record StatusView(UUID caseId, CaseStatus status) {
    }

    @Inject
    CaseRepository cases;

    @Inject
    ReferralService referrals;

    @Inject
    SiteScope siteScope;

    @Inject
    SecurityIdentity caller;

    @Inject
    AuditContext audit;

    @GET
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.PATHOLOGIST, Roles.BOARD_MEMBER, Roles.BOARD_CHAIR, Roles.SURGEON, Roles.NURSE })
    public CasePage list(@QueryParam("status") String status, @QueryParam("site") String site,
            @QueryParam("page") @DefaultValue("0") String page, @QueryParam("size") @DefaultValue("20") String size) {
        CaseStatus statusFilter = parseStatus(status);
        int pageIndex = QueryParams.wholeNumber("page", page, 0, Integer.MAX_VALUE);
        int pageSize = QueryParams.wholeNumber("size", size, 1, 100);
        if (!siteScope.isHub() && site != null && !site.equals(siteScope.site())) {
            // A spoke sees only its own site: another site's filter matches nothing, and says nothing of what exists.
            return new CasePage(List.of(), pageIndex, pageSize, 0);
        }
        PanacheQuery<IntakeCase> query = cases.search(statusFilter, siteScope.restrictFilter(site)).page(pageIndex, pageSize);
        List<CaseSummary> items = query.list().stream()
                .map(c -> new CaseSummary(c.caseId, c.referringSite, c.status, c.statusSince, c.referredAt)).toList();
        return new CasePage(items, pageIndex, pageSize, query.count());
    }

    @GET
    @Path("{caseId}")
    @Transactional
    @Audited("CASE_READ")
    @RolesAllowed({ Roles.COORDINATOR, Roles.PATHOLOGIST, Roles.BOARD_MEMBER, Roles.BOARD_CHAIR, Roles.SURGEON, Roles.NURSE })
    public CaseView get(@PathParam("caseId") UUID caseId) {
        IntakeCase c = visibleCase(caseId);
        // Identity only for the roles that contact or treat the patient.
        boolean withIdentity = caller.hasRole(Roles.COORDINATOR) || caller.hasRole(Roles.NURSE) || caller.hasRole(Roles.SURGEON);
        if (withIdentity) {
            audit.identityDisclosed();
        }
        return CaseView.of(c, referrals.missingWorkup(c), withIdentity);
    }

    @PUT
    @Path("{caseId}/imaging")
    @Transactional
    @Audited("IMAGING_UPDATE")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    public CaseView updateImaging(@PathParam("caseId") UUID caseId,
            @NotNull(message = "imaging findings are required") @Valid ReferralRequest.Imaging imaging) {
        IntakeCase c = referrals.updateImaging(visibleCase(caseId), imaging);
        audit.identityDisclosed();
        return CaseView.of(c, referrals.missingWorkup(c), true);
    }

    @POST
    @Path("{caseId}/withdrawal")
    @Transactional
    @Audited("WITHDRAWAL")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    public StatusView withdraw(@PathParam("caseId") UUID caseId,
            @NotNull(message = "a withdrawal needs a reason") @Valid Withdrawal withdrawal) {
        IntakeCase c = referrals.withdraw(visibleCase(caseId), withdrawal.reason());
        return new StatusView(c.caseId, c.status);
    }

    /** The case if the caller's site may see it; another site's case is indistinguishable from a missing one. */
    private IntakeCase visibleCase(UUID caseId) {
        return cases.findByIdOptional(caseId)
                .filter(found -> siteScope.canSee(found.referringSite))
                .orElseThrow(() -> ProblemException.notFound("case " + caseId));
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
