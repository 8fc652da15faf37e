package org.tumorboard.platform.audit;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.tumorboard.events.SiteClaim;
import org.tumorboard.platform.security.Roles;
import org.tumorboard.platform.security.SiteScope;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * Requests refused for the caller's role (403) are on the audit trail too (issue 24): who asked for what, with which
 * roles and site, before any use case ran. The security check refuses them before an audited method is reached, so
 * the problem mapper records them here, in a transaction of their own, off the event loop.
 */
@ApplicationScoped
public class AccessDenials {

    public static final String ACTION = "ACCESS_DENIED";
    /** A case's id in a request's path: {@code /api/cases/{id}...}, or a FHIR resource of the case ({@code /fhir/Patient/{id}}, {@code /fhir/Observation/{id}-grade}). */
    private static final Pattern CASE_IN_PATH = Pattern.compile("(?:/cases/|/fhir/[A-Za-z]+/)([0-9a-fA-F-]{36})(/|-|$)");

    @Inject
    AuditTrail trail;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    Vertx vertx;

    public void record(HttpServerRequest request) {
        record(request, "the caller's role does not allow this");
    }

    public void record(HttpServerRequest request, String reason) {
        AuditTrail.Entry entry;
        try {
            String roles = Roles.ALL.stream().filter(identity.getRoles()::contains).collect(Collectors.joining(","));
            String site = SiteClaim.read(token.getClaim(SiteScope.SITE_CLAIM)).describe();
            entry = new AuditTrail.Entry(identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName(), roles,
                    site, ACTION, request.method().name(), request.path(), caseIn(request.path()),
                    403, false, reason);
        } catch (RuntimeException unreadable) {
            Log.warnf("could not describe a denied request for the audit trail: %s", unreadable.getClass().getName());
            return;
        }
        if (Context.isOnEventLoopThread()) {
            // ordered: one write at a time per event loop, so a flood of denied requests queues, not the worker pool
            vertx.executeBlocking(() -> write(entry), true);
        } else {
            write(entry);
        }
    }

    private Void write(AuditTrail.Entry entry) {
        try {
            trail.recordAlone(entry);
        } catch (RuntimeException e) {
            Log.errorf("could not record a denied %s %s on the audit trail: %s", entry.method(), entry.path(), e.getClass().getName());
        }
        return null;
    }

    static UUID caseIn(String path) {
        Matcher m = CASE_IN_PATH.matcher(path == null ? "" : path);
        try {
            return m.find() ? UUID.fromString(m.group(1)) : null;
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
