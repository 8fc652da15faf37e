package org.tumorboard.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.tumorboard.events.SiteClaim;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A signed-in user belongs to exactly one site (issue 24, item 3): an account in two site groups, or whose own
 * attribute disagrees with its group's, carries both sites in its tokens and is stopped at the first page, with what to
 * do, instead of being shown one site's cases by chance; so is an account whose one site is not a site of the network
 * (the same list as the services', {@link NetworkSites}). The services refuse such tokens too.
 */
public class SiteFilter {

    @Inject
    Network network;

    @Inject
    SecurityIdentity identity;

    @Inject
    Viewer viewer;

    @ServerRequestFilter
    public Response requireOneSite() {
        if (identity.isAnonymous()) {
            return null;
        }
        SiteClaim claim = viewer.siteClaim();
        if (claim instanceof SiteClaim.One one && network.contains(one.site())) {
            return null;
        }
        if (claim instanceof SiteClaim.One one) {
            Log.warnf("refused a signed-in user whose account's site is not a site of the network: %s", one.site());
            return refusal("names " + escape(one.site()) + ", which is not a site of this network");
        }
        String sites = claim instanceof SiteClaim.Ambiguous several ? String.join(", ", several.values()) : "none";
        Log.warnf("refused a signed-in user whose account has %s sites: %s", claim instanceof SiteClaim.Missing ? "no" : "several",
                sites);
        return refusal("has " + (claim instanceof SiteClaim.Missing ? "none" : "more than one (" + escape(sites) + ")"));
    }

    /** The page that says what is wrong with the account ({@code what}: escaped) and what to do. */
    private static Response refusal(String what) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Account needs correcting</title>"
                        + "</head><body><main id=\"main\"><h1>Your account needs correcting</h1><p>A user of the tumor board "
                        + "belongs to exactly one site of the network; your account " + what
                        + ". Nothing is shown until an administrator corrects it in Keycloak. "
                        + "<a href=\"/logout\">Sign out</a></p></main></body></html>")
                .build();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
