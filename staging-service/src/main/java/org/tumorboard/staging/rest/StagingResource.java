package org.tumorboard.staging.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;
import org.tumorboard.staging.StagingCase;
import org.tumorboard.staging.repository.StagingCaseRepository;

@Path("/api/cases/{caseId}/staging")
@Produces(MediaType.APPLICATION_JSON)
public class StagingResource {

    /** While inputs are missing: which ones, and what is already known. */
    public record IncompleteStaging(UUID caseId, boolean complete, List<StagingCase.Input> missing, KnownInputs inputs) {
    }

    public record KnownInputs(BigDecimal greatestDimensionCm, Boolean suspiciousNodes, Boolean distantLesions, String grade) {
    }

    @Inject
    StagingCaseRepository cases;

    @Inject
    SiteScope siteScope;

    @GET
    @RolesAllowed({ Roles.COORDINATOR, Roles.PATHOLOGIST, Roles.BOARD_MEMBER, Roles.BOARD_CHAIR, Roles.SURGEON, Roles.NURSE })
    public IncompleteStaging staging(@PathParam("caseId") UUID caseId) {
        StagingCase c = cases.findByIdOptional(caseId)
                .filter(found -> siteScope.canSee(found.referringSite))
                .orElseThrow(() -> ProblemException.notFound("case " + caseId));
        return new IncompleteStaging(c.caseId, false, c.missingInputs(),
                new KnownInputs(c.greatestDimensionCm, c.suspiciousNodes, c.distantLesions, c.grade));
    }
}
