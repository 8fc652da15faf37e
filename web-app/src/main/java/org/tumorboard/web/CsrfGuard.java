package org.tumorboard.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.IdToken;

/**
 * CSRF protection of every state-changing request of the web app (issue 24): a synchronizer token bound to the user's
 * Keycloak session, {@code HMAC(secret, session id)}, sent by htmx in the {@value #HEADER} header (the page's body
 * declares it for every htmx and boosted request) and by a plain form in its {@value #FIELD} field. A POST, PUT,
 * PATCH or DELETE without it, or with another session's, is refused by {@link CsrfFilter}. SameSite=Lax on the session
 * cookie stays as a second line.
 */
@RequestScoped
@Named("csrf")
public class CsrfGuard {

    public static final String HEADER = "X-CSRF-Token";
    public static final String FIELD = "_csrf";

    @Inject
    @IdToken
    JsonWebToken idToken;

    @ConfigProperty(name = "tumorboard.web.csrf-secret")
    String secret;

    /** This session's token, for the pages' forms and the htmx header. */
    public String getToken() {
        return tokenFor(sessionOf(idToken));
    }

    /** Whether a token sent with a state-changing request is this session's. */
    public boolean accepts(String sent) {
        String session = sessionOf(idToken);
        return sent != null && session != null
                && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), tokenFor(session).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The Keycloak session the ID token belongs to ({@code sid}); a realm that omits it falls back to the subject and the
     * time of sign-in, which also stay the same across token refreshes of one session.
     */
    static String sessionOf(JsonWebToken idToken) {
        if (idToken == null || idToken.getRawToken() == null) {
            return null;
        }
        Object sid = idToken.getClaim("sid");
        if (sid != null) {
            return "sid:" + sid;
        }
        Object authTime = idToken.getClaim("auth_time");
        return idToken.getSubject() == null || authTime == null ? null : "sub:" + idToken.getSubject() + "@" + authTime;
    }

    String tokenFor(String session) {
        if (session == null) {
            return "";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
