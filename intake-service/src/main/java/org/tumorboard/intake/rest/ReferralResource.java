package org.tumorboard.intake.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.tumorboard.intake.service.ReferralCommand;
import org.tumorboard.intake.service.ReferralResult;
import org.tumorboard.intake.service.ReferralService;
import org.tumorboard.platform.security.Roles;

@Path("/api/referrals")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReferralResource {

    @Inject
    ReferralService referrals;

    @POST
    @RolesAllowed(Roles.COORDINATOR)
    public Response refer(ReferralCommand referral) {
        ReferralResult created = referrals.refer(referral);
        return Response.created(URI.create("/api/cases/" + created.caseId())).entity(created).build();
    }
}
