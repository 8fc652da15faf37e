package org.tumorboard.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;

/** A request carrying the cookie of a signed-out session (a copy) gets the signed-out page, and the cookie cleared. */
public class SignedOutFilter {

    /** quarkus-oidc's session cookie and the chunks it is split into when large. */
    static final String[] SESSION_COOKIES = { "q_session", "q_session_chunk_1", "q_session_chunk_2", "q_session_chunk_3" };

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    SignedOutSessions sessions;

    @ServerRequestFilter(priority = 100)
    public Response refuseSignedOutSessions() {
        if (identity.isAnonymous() || !sessions.isSignedOut(SignedOutSessions.sessionId(idToken))) {
            return null;
        }
        Response.ResponseBuilder signedOut = Response.seeOther(java.net.URI.create("/signed-out"));
        for (String name : SESSION_COOKIES) {
            signedOut.cookie(new NewCookie.Builder(name).value("").path("/").maxAge(0).httpOnly(true).build());
        }
        return signedOut.build();
    }
}
