package org.tumorboard.systemtest;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/** Calls to the running services as a demo user, with a token Keycloak issued for that user's password login. */
final class Api {

    private record Token(String value, long expiresAtMillis) {
    }

    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();
    /** Decimals as doubles, so that clinical figures (0.669, 22.0 cm) compare with closeTo. */
    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));

    private Api() {
    }

    /** A request to the service as the demo user (password = user name, client tumorboard-cli). */
    static RequestSpecification as(String user, SystemStack.Service service) {
        return given().config(CONFIG).baseUri(SystemStack.get().url(service)).auth().oauth2(token(user)).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    static RequestSpecification anonymous(SystemStack.Service service) {
        return given().config(CONFIG).baseUri(SystemStack.get().url(service)).contentType(ContentType.JSON);
    }

    static String token(String user) {
        Token token = TOKENS.get(user);
        if (token == null || token.expiresAtMillis() < System.currentTimeMillis()) {
            token = login(user);
            TOKENS.put(user, token);
        }
        return token.value();
    }

    private static Token login(String user) {
        var response = given().baseUri(SystemStack.get().keycloakUrl())
                .formParam("grant_type", "password").formParam("client_id", "tumorboard-cli")
                .formParam("username", user).formParam("password", user)
                .post("/realms/tumorboard/protocol/openid-connect/token")
                .then().statusCode(200).extract().jsonPath();
        long lifetimeMillis = response.getLong("expires_in") * 1000L;
        return new Token(response.getString("access_token"), System.currentTimeMillis() + lifetimeMillis - 30_000L);
    }
}
