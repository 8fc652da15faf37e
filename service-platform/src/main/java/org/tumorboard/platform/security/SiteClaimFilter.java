package org.tumorboard.platform.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.problem.ProblemMappers;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Every user of the realm belongs to a site: a validated token without a {@code site} claim is not one of ours, and is
 * answered 401 on every endpoint, before any resource runs (not only where the site is consulted).
 */
public class SiteClaimFilter {

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION - 1)
    public Response requireSiteClaim() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        Object site = token.getClaim(SiteScope.SITE_CLAIM);
        if (site != null && !site.toString().isBlank()) {
            return null;
        }
        return Response.fromResponse(ProblemMappers.response(
                ProblemException.unauthorized("the access token carries no 'site' claim").toProblem()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build();
    }
}
