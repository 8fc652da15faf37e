package org.tumorboard.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tumorboard.intake.Referrals;
import org.tumorboard.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every intake endpoint: 401 without a token, 403 problem for a role it does not serve. */
@QuarkusTest
class EndpointSecurityTest {

    static Stream<Arguments> endpoints() {
        String anyCase = "/api/cases/" + UUID.randomUUID();
        Object imaging = Referrals.valid("HUB").get("imaging");
        return Stream.of(
                Arguments.of("POST", "/api/referrals", Referrals.valid("HUB"), "nurse"),
                Arguments.of("GET", "/api/cases", null, "auditor"),
                Arguments.of("GET", anyCase, null, "auditor"),
                Arguments.of("PUT", anyCase + "/imaging", imaging, "nurse"),
                Arguments.of("POST", anyCase + "/withdrawal", Map.of("reason", "x"), "board-chair"),
                Arguments.of("GET", "/api/sites", null, "some-other-role"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void withoutATokenIs401AndWithTheWrongRoleIs403(String method, String path, Object body, String wrongRole) {
        var noToken = given().contentType(ContentType.JSON);
        if (body != null) {
            noToken.body(body);
        }
        noToken.when().request(method, path).then().statusCode(401);

        var wrong = given().auth().oauth2(Tokens.token("someone", "HUB", wrongRole)).contentType(ContentType.JSON);
        if (body != null) {
            wrong.body(body);
        }
        wrong.when().request(method, path).then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }
}
