package org.tumorboard.intake.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.intake.IntakeCase;
import org.tumorboard.intake.repository.CaseRepository;
import org.tumorboard.intake.service.ReferralService;
import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/cases")
@Produces(MediaType.APPLICATION_JSON)
public class CaseResource {

    @Inject
    CaseRepository cases;

    @Inject
    ReferralService referrals;

    @Inject
    SiteScope siteScope;

    @Inject
    SecurityIdentity caller;

    @GET
    @Path("{caseId}")
    @Transactional
    @RolesAllowed({ Roles.COORDINATOR, Roles.PATHOLOGIST, Roles.BOARD_MEMBER, Roles.BOARD_CHAIR, Roles.SURGEON, Roles.NURSE })
    public CaseView get(@PathParam("caseId") UUID caseId) {
        IntakeCase c = cases.findByIdOptional(caseId)
                .filter(found -> siteScope.canSee(found.referringSite))
                .orElseThrow(() -> ProblemException.notFound("case " + caseId));
        // Identity only for the roles that contact or treat the patient.
        boolean withIdentity = caller.hasRole(Roles.COORDINATOR) || caller.hasRole(Roles.NURSE) || caller.hasRole(Roles.SURGEON);
        return CaseView.of(c, referrals.missingWorkup(c), withIdentity);
    }
}
