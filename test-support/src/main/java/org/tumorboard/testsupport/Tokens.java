package org.tumorboard.testsupport;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real signed access tokens, shaped like the Keycloak realm's: realm roles under {@code realm_access.roles},
 * the user's {@code site} (an array of one, as the realm's multivalued mapper issues it) and, for board members, {@code discipline}. Signed with the OIDC test server's key,
 * so the service validates them against its JWKS exactly as it would a Keycloak token.
 */
public final class Tokens {

    /** The issuer the OIDC test server announces in its discovery document. */
    public static final String ISSUER = "https://server.example.com";

    /**
     * The audiences the realm's clients put in a user's access token, one per service (issue 22, item 8); each service
     * accepts only a token that names it.
     */
    public static final List<String> AUDIENCES = List.of("intake-service", "pathology-service", "staging-service", "board-service",
            "fhir-service");

    private Tokens() {
    }

    public static String token(String user, String site, String... roles) {
        return builder(user, site, roles).jws().keyId("1").sign("privateKey.jwk");
    }

    /** A user whose token carries these sites, as Keycloak's multivalued mapper lists them (one, or several). */
    public static String withSites(String user, List<String> sites, String... roles) {
        return builder(user, null, roles).claim("site", sites).jws().keyId("1").sign("privateKey.jwk");
    }

    public static String boardMember(String user, String site, String discipline, String... roles) {
        return builder(user, site, roles).claim("discipline", discipline).jws().keyId("1").sign("privateKey.jwk");
    }

    public static String hubCoordinator() {
        return token("coord-hub", "HUB", "coordinator");
    }

    public static String spokeCoordinator(String site) {
        return token("coord-" + site.toLowerCase(), site, "coordinator");
    }

    public static String pathologist() {
        return token("patho", "HUB", "pathologist");
    }

    private static JwtClaimsBuilder builder(String user, String site, String... roles) {
        JwtClaimsBuilder builder = Jwt.preferredUserName(user)
                .subject(user)
                .issuer(ISSUER)
                .audience(new java.util.HashSet<>(AUDIENCES))
                .expiresIn(Duration.ofMinutes(30))
                .claim("realm_access", Map.of("roles", Arrays.asList(roles)));
        if (site != null) {
            // as the realm's mapper puts it (multivalued, aggregating user and group attributes): an array of one
            builder.claim("site", List.of(site));
        }
        return builder;
    }
}
