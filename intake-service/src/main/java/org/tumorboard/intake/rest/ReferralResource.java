package org.tumorboard.intake.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tumorboard.intake.IntakeCase;
import org.tumorboard.intake.rules.BiopsyIndication;
import org.tumorboard.intake.service.ReferralService;
import org.tumorboard.platform.audit.Audited;
import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;

@Path("/api/referrals")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    @Inject
    ReferralService referrals;

    @Inject
    SiteScope siteScope;

    @Inject
    JsonWebToken caller;

    @POST
    @Transactional
    @Audited("REFERRAL")
    @RolesAllowed(Roles.COORDINATOR)
    public Response refer(@NotNull(message = "a referral body is required") @Valid ReferralRequest request) {
        if (!siteScope.canSee(request.referringSite())) {
            throw ProblemException.forbidden("a spoke coordinator can refer only for their own site");
        }
        ReferralService.Referral referral = referrals.refer(request, caller.getName());
        IntakeCase c = referral.created();
        BiopsyIndication.Result biopsy = BiopsyIndication.evaluate(c.neoadjuvantConsidered, c.imaging.suspectedNonSarcoma);
        ReferralResponse body = new ReferralResponse(c.caseId, c.status, biopsy.indicated(), biopsy.reasons(),
                referrals.missingWorkup(c), referral.otherOpenCases());
        return Response.created(URI.create("/api/cases/" + c.caseId)).entity(body).build();
    }
}
