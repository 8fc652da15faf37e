package org.tumorboard.web;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in user's access token as an Authorization header, for the clients that carry it themselves. */
final class Bearer {

    private Bearer() {
    }

    static String of(SecurityIdentity identity) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        return token == null ? null : "Bearer " + token.getToken();
    }
}
