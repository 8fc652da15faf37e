package org.tumorboard.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.JavaScriptRequestChecker;
import io.vertx.ext.web.RoutingContext;

/**
 * An htmx request whose session has expired cannot follow a redirect to Keycloak's login page (it is a script's
 * request, and another origin): it gets 499 instead ({@code java-script-auto-redirect=false}), and the page's script
 * reloads the page, which brings the user to sign in (issue 24), instead of failing silently.
 */
@ApplicationScoped
public class HtmxRequests implements JavaScriptRequestChecker {

    @Override
    public boolean isJavaScriptRequest(RoutingContext context) {
        return "true".equals(context.request().getHeader("HX-Request"));
    }
}
