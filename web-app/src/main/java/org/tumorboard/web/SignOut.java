package org.tumorboard.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.Authenticated;

/**
 * Signing out ends the session here, not only in the browser that signed out: {@code /logout} records the Keycloak
 * session ({@code sid}) as signed out, then hands over to the OIDC sign-out ({@code /sign-out/end}: Keycloak ends its
 * session, the cookie is cleared). A request that still carries that session's cookie (a copy) is answered with the
 * signed-out page and the cookie cleared ({@link SignedOutFilter}).
 */
@Path("/logout")
public class SignOut {

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    SignedOutSessions sessions;

    @GET
    @Authenticated
    public Response signOut() {
        sessions.signedOut(sessionId());
        return Response.seeOther(java.net.URI.create("/sign-out/end")).build();
    }

    private String sessionId() {
        return SignedOutSessions.sessionId(idToken);
    }
}
