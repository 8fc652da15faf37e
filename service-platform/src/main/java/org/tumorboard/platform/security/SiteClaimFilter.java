package org.tumorboard.platform.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.tumorboard.events.SiteClaim;
import org.tumorboard.platform.audit.AccessDenials;
import org.tumorboard.platform.problem.ProblemException;
import org.tumorboard.platform.problem.ProblemMappers;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * Every user of the realm belongs to exactly one site of the network, on every endpoint, before any resource runs (not
 * only where the site is consulted): a validated token without a {@code site} claim is not one of ours (401); one with
 * two sites (an account in two site groups, or whose own attribute disagrees with its group's) or with a site the
 * network does not know is refused (403) and the refusal is on the audit trail (issue 24, item 3).
 */
public class SiteClaimFilter {

    @Inject
    SecurityIdentity identity;

    @Inject
    Network network;

    @Inject
    AccessDenials denials;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION - 1)
    public Response requireOneKnownSite(HttpServerRequest request) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        SiteClaim claim = SiteClaim.read(token.getClaim(SiteScope.SITE_CLAIM));
        String refusal = switch (claim) {
            case SiteClaim.Missing missing -> null; // answered 401 below
            case SiteClaim.One one when network.knows(one.site()) -> null;
            case SiteClaim.One one -> "the access token's site '" + one.site() + "' is not a site of this network";
            case SiteClaim.Ambiguous several -> "the access token carries more than one site (" + String.join(", ", several.values())
                    + "): a user belongs to exactly one site; the account must be corrected in Keycloak";
        };
        if (claim instanceof SiteClaim.Missing) {
            return Response.fromResponse(ProblemMappers.response(
                    ProblemException.unauthorized("the access token carries no 'site' claim").toProblem()))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"").build();
        }
        if (refusal == null) {
            return null;
        }
        denials.record(request, refusal);
        return ProblemMappers.response(ProblemException.forbidden(refusal).toProblem());
    }
}
