package org.tumorboard.testsupport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The endpoint x role matrix of a service (issue #11), generated: the endpoints come from the service's own OpenAPI
 * document, the roles are the realm's, and the service's test declares which roles each endpoint serves. Every cell is
 * a request with a token holding just that role: an allowed role gets through (anything but 401 and 403; a made-up
 * case id then gives 404, an empty body 400), every other role gets 403. An endpoint without a declaration fails.
 */
public abstract class AuthorizationMatrix {

    public static final List<String> REALM_ROLES = List.of("coordinator", "pathologist", "board-member", "board-chair",
            "surgeon", "nurse", "auditor", "operator");
    public static final Set<String> CLINICIANS = Set.of("coordinator", "pathologist", "board-member", "board-chair", "surgeon",
            "nurse");
    /** The dead-letter and event-correction endpoints every service serves (service-platform). */
    public static final Map<String, Set<String>> DEAD_LETTERS = Map.of(
            "GET /api/dead-letters", Set.of("operator"),
            "GET /api/dead-letters/{id}", Set.of("operator"),
            "POST /api/dead-letters/{id}/replay", Set.of("operator"),
            "POST /api/events/{eventId}/correction", Set.of("operator"));

    /** Every service's audit trail: read by auditors, changed by no one. */
    public static final Map<String, Set<String>> AUDIT = Map.of("GET /api/audit", Set.of("auditor"));

    /** "METHOD /path/{template}" to the roles it serves. */
    protected abstract Map<String, Set<String>> allowed();

    @Test
    void everyEndpointOfTheOpenApiDocumentHasItsRolesDeclared() {
        assertEquals(new TreeSet<>(allowed().keySet()), new TreeSet<>(endpoints()),
                "endpoints in /q/openapi and in the declared matrix");
    }

    @TestFactory
    Stream<DynamicTest> everyRoleOnEveryEndpoint() {
        List<DynamicTest> cells = new ArrayList<>();
        for (Map.Entry<String, Set<String>> endpoint : new TreeMap<>(allowed()).entrySet()) {
            String method = endpoint.getKey().substring(0, endpoint.getKey().indexOf(' '));
            String path = endpoint.getKey().substring(endpoint.getKey().indexOf(' ') + 1).replaceAll("\\{[^}]+}",
                    UUID.randomUUID().toString());
            for (String role : REALM_ROLES) {
                boolean allowed = endpoint.getValue().contains(role);
                cells.add(DynamicTest.dynamicTest(endpoint.getKey() + " as " + role + (allowed ? " passes" : " is 403"), () -> {
                    var request = given().auth().oauth2(Tokens.boardMember("matrix", "HUB", "SURGERY", role))
                            .contentType(ContentType.JSON);
                    if (!method.equals("GET")) {
                        request.body("{}");
                    }
                    int status = request.request(method, path).then().extract().statusCode();
                    if (allowed) {
                        if (status == 401 || status == 403 || status >= 500) {
                            throw new AssertionError(endpoint.getKey() + " as " + role + ": " + status);
                        }
                    } else {
                        assertEquals(403, status, endpoint.getKey() + " as " + role);
                    }
                }));
            }
        }
        System.out.printf("authorization matrix: %d endpoints x %d roles = %d cells%n", allowed().size(), REALM_ROLES.size(),
                cells.size());
        return cells.stream();
    }

    private static List<String> endpoints() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String> endpoints = new ArrayList<>();
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : path.getValue().keySet()) {
                if (Set.of("get", "post", "put", "delete", "patch").contains(method)) {
                    endpoints.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        return endpoints;
    }

    /** A declaration helper: the platform's endpoints (dead letters, audit) plus the service's own. */
    protected static Map<String, Set<String>> withPlatformEndpoints(Map<String, Set<String>> own) {
        Map<String, Set<String>> all = new TreeMap<>(own);
        all.putAll(DEAD_LETTERS);
        all.putAll(AUDIT);
        return all;
    }
}
