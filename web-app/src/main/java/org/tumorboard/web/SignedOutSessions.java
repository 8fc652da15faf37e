package org.tumorboard.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Keycloak sessions signed out through this web app. The session cookie holds the user's tokens, encrypted; a copy
 * of it (a shared workstation, a proxy's log) would keep working after sign-out until the tokens expire, so a signed-out
 * session is refused here at once ({@link SignedOutFilter}). Kept for a Keycloak session's longest life; held by this
 * replica only: another replica refuses the copy when its tokens can no longer be refreshed (Keycloak ended the
 * session), within the access token's lifespan.
 */
@ApplicationScoped
public class SignedOutSessions {

    static final Duration KEPT = Duration.ofHours(12);
    static final int MOST = 100_000;

    private final Map<String, Instant> signedOut = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    void signedOut(String sessionId) {
        if (sessionId == null || sessionId.isBlank()) {
            return;
        }
        Instant now = clock.instant();
        if (signedOut.size() >= MOST) {
            signedOut.values().removeIf(until -> until.isBefore(now));
        }
        signedOut.put(sessionId, now.plus(KEPT));
    }

    /** The Keycloak session an ID token belongs to ({@code sid}), or null. */
    static String sessionId(org.eclipse.microprofile.jwt.JsonWebToken idToken) {
        Object sid = idToken == null ? null : idToken.getClaim("sid");
        return sid instanceof String s ? s : null;
    }

    boolean isSignedOut(String sessionId) {
        if (sessionId == null) {
            return false;
        }
        Instant until = signedOut.get(sessionId);
        return until != null && until.isAfter(clock.instant());
    }
}
