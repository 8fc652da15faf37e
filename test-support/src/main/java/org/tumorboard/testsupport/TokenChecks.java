package org.tumorboard.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.jwt.build.Jwt;

/**
 * What every service answers to tokens that are not good ones (issue #11): expired, from another issuer, with a
 * tampered payload, unsigned ({@code alg: none}), without the {@code site} claim, or not a JWT at all: 401, never a
 * 500 and never the data. A service's test extends this with one of its GET endpoints and a token allowed on it.
 */
public abstract class TokenChecks {

    /** A GET endpoint of the service that needs a token. */
    protected abstract String path();

    /** Roles and site of a user the endpoint lets through. */
    protected abstract String[] roles();

    protected String site() {
        return "HUB";
    }

    /** What the good token gets (404 where the path names a case that does not exist). */
    protected int goodStatus() {
        return 200;
    }

    @Test
    void aGoodTokenGetsThrough() {
        given().auth().oauth2(Tokens.token("good", site(), roles())).get(path()).then().statusCode(goodStatus());
    }

    /** The site as a plain string (a single-valued mapper) is one site too. */
    @Test
    void aSiteClaimAsAStringGetsThrough() {
        given().auth().oauth2(claims(site()).issuer(Tokens.ISSUER).expiresIn(Duration.ofMinutes(5)).jws().keyId("1")
                .sign("privateKey.jwk")).get(path()).then().statusCode(goodStatus());
    }

    @Test
    void anExpiredTokenIs401() {
        String expired = claims(site()).issuer(Tokens.ISSUER).issuedAt(Instant.now().minus(Duration.ofHours(2)))
                .expiresAt(Instant.now().minus(Duration.ofHours(1))).jws().keyId("1").sign("privateKey.jwk");
        assert401(expired);
    }

    @Test
    void aTokenFromAnotherIssuerOrRealmIs401() {
        assert401(claims(site()).issuer("https://server.example.com/realms/another").expiresIn(Duration.ofMinutes(5))
                .jws().keyId("1").sign("privateKey.jwk"));
        assert401(claims(site()).issuer("https://attacker.example").expiresIn(Duration.ofMinutes(5))
                .jws().keyId("1").sign("privateKey.jwk"));
    }

    /**
     * Issue 22, item 8: a token the realm minted for another client (no audience, another service's, or the test
     * server's default) is not for this service.
     */
    @Test
    void aTokenForAnotherClientOrServiceIs401() {
        String self = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.oidc.token.audience", String.class);
        assert401(claims(site()).issuer(Tokens.ISSUER).audience("https://service.example.com").expiresIn(Duration.ofMinutes(5))
                .jws().keyId("1").sign("privateKey.jwk"));
        assert401(claims(site()).issuer(Tokens.ISSUER).audience("account").expiresIn(Duration.ofMinutes(5))
                .jws().keyId("1").sign("privateKey.jwk"));
        java.util.Set<String> others = new java.util.HashSet<>(Tokens.AUDIENCES);
        others.remove(self);
        assert401(claims(site()).issuer(Tokens.ISSUER).audience(others).expiresIn(Duration.ofMinutes(5))
                .jws().keyId("1").sign("privateKey.jwk"));
    }

    @Test
    void aTamperedPayloadIs401() {
        String[] parts = Tokens.token("tampered", site(), roles()).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"tampered\"", "\"chair\"");
        assert401(parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2]);
    }

    @Test
    void anUnsignedTokenIs401() {
        String[] parts = Tokens.token("unsigned", site(), roles()).split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assert401(none + "." + parts[1] + ".");
        assert401(none + "." + parts[1]);
    }

    @Test
    void aTokenWithoutASiteIs401() {
        assert401(Tokens.token("nosite", null, roles()));
    }

    @Test
    void somethingThatIsNotAJwtIs401() {
        for (String junk : List.of("abc", "a.b.c", "eyJhbGciOiJSUzI1NiJ9..", "x".repeat(5000))) {
            assert401(junk);
        }
    }

    private io.smallrye.jwt.build.JwtClaimsBuilder claims(String site) {
        return Jwt.preferredUserName("someone").subject("someone").audience(new java.util.HashSet<>(Tokens.AUDIENCES))
                .claim("realm_access", Map.of("roles", List.of(roles()))).claim("site", site);
    }

    private void assert401(String token) {
        given().auth().oauth2(token).get(path()).then().statusCode(401).body(not(org.hamcrest.Matchers.containsString("caseId")));
    }
}
