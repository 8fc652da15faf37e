package org.tumorboard.intake.rest;

import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.tumorboard.platform.security.Network;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;

/** The referring sites a referral may name. */
@Path("/api/sites")
@Produces(MediaType.APPLICATION_JSON)
public class SiteResource {

    public record SiteView(String code, String name, boolean hub) {
    }

    @Inject
    Network sites;

    @GET
    @RolesAllowed({ Roles.CLINICIAN, Roles.AUDITOR })
    public List<SiteView> list() {
        return sites.sites().entrySet().stream()
                .map(e -> new SiteView(e.getKey(), e.getValue(), SiteScope.HUB.equals(e.getKey())))
                .sorted(Comparator.comparing((SiteView s) -> !s.hub()).thenComparing(SiteView::code))
                .toList();
    }
}
