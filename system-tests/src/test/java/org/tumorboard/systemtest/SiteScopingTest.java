package org.tumorboard.systemtest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.tumorboard.systemtest.Api.as;
import static org.tumorboard.systemtest.SystemStack.Service.BOARD;
import static org.tumorboard.systemtest.SystemStack.Service.INTAKE;
import static org.tumorboard.systemtest.SystemStack.Service.PATHOLOGY;
import static org.tumorboard.systemtest.SystemStack.Service.STAGING;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tumorboard.systemtest.SystemStack.Service;
import org.tumorboard.testsupport.TestEvents;

/**
 * Across all four services, a spoke coordinator sees their own site's case and gets 404 for another site's (no data,
 * no hint that it exists), with the tokens Keycloak issues for the demo users.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(2)
class SiteScopingTest {

    /** Every case-scoped read of every service. */
    private static final List<Map.Entry<Service, String>> CASE_READS = List.of(
            Map.entry(INTAKE, "/api/cases/%s"),
            Map.entry(PATHOLOGY, "/api/cases/%s/reports"),
            Map.entry(STAGING, "/api/cases/%s/staging"),
            Map.entry(STAGING, "/api/cases/%s/staging/history"),
            Map.entry(BOARD, "/api/cases/%s/board"),
            Map.entry(BOARD, "/api/cases/%s/surveillance"));

    private String northCase;

    @BeforeAll
    void aNorthCaseKnownToEveryService() {
        northCase = as("coord-north", INTAKE).body(Patients.referral("SPOKE-NORTH", Patients.next(), 12.0))
                .post("/api/referrals").then().statusCode(201).extract().jsonPath().getString("caseId");
        for (var read : CASE_READS) {
            String path = read.getValue().formatted(northCase);
            TestEvents.await(read.getKey() + " knows the case (" + path + ")", 60_000,
                    () -> as("coord-north", read.getKey()).get(path).statusCode() == 200);
        }
    }

    @Test
    void theSameSiteAndTheHubSeeTheCaseEverywhere() {
        for (var read : CASE_READS) {
            String path = read.getValue().formatted(northCase);
            as("nurse-north", read.getKey()).get(path).then().statusCode(200);
            as("coord-hub", read.getKey()).get(path).then().statusCode(200);
        }
    }

    @Test
    void anotherSpokeGets404OnEveryCaseEndpointOfEveryService() {
        for (var read : CASE_READS) {
            String path = read.getValue().formatted(northCase);
            as("coord-south", read.getKey()).get(path).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", not(org.hamcrest.Matchers.containsString("SPOKE-NORTH")));
        }
        as("coord-south", INTAKE).body(Patients.referral("SPOKE-SOUTH", Patients.next(), 12.0).get("imaging"))
                .put("/api/cases/" + northCase + "/imaging").then().statusCode(404);
        as("coord-south", INTAKE).body(Map.of("reason", "Patient chose another center"))
                .post("/api/cases/" + northCase + "/withdrawal").then().statusCode(404);
        as("coord-north", INTAKE).get("/api/cases/" + northCase).then().statusCode(200).body("status", not(equalTo("WITHDRAWN")));
    }

    @Test
    void anotherSpokesListsAndAgendasLeaveTheCaseOut() {
        as("coord-south", INTAKE).queryParam("size", 100).get("/api/cases").then().statusCode(200)
                .body("items.caseId", not(hasItem(northCase)));
        as("coord-north", INTAKE).queryParam("size", 100).get("/api/cases").then().statusCode(200)
                .body("items.caseId", hasItem(northCase));
    }

    @Test
    void aSpokeCannotReferForAnotherSite() {
        as("coord-south", INTAKE).body(Patients.referral("SPOKE-NORTH", Patients.next(), 8.0))
                .post("/api/referrals").then().statusCode(403).contentType("application/problem+json");
    }

    /**
     * Issue 24, item 3: a user whose account gives two sites, through two site groups or an attribute of their own that
     * disagrees with their group's, gets both in Keycloak's token (the mapper is multivalued and aggregates them) and is
     * refused by every service, though their role lets them through; an account whose attribute agrees with its group
     * is one site and gets through.
     */
    @Test
    void aUserGivenTwoSitesIsRefusedByEveryService() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String twoGroups = KeycloakAdmin.user("two-groups-" + suffix, List.of("auditor"), List.of("/site-HUB", "/site-SPOKE-NORTH"), Map.of());
        String overriding = KeycloakAdmin.user("overriding-" + suffix, List.of("auditor"), List.of("/site-HUB"),
                Map.of("site", List.of("SPOKE-SOUTH")));
        String agreeing = KeycloakAdmin.user("agreeing-" + suffix, List.of("auditor"), List.of("/site-HUB"), Map.of("site", List.of("HUB")));
        for (Service service : Service.values()) {
            as(twoGroups, service).get("/api/audit").then().statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString("more than one site")).body("detail", containsString("SPOKE-NORTH"));
            as(overriding, service).get("/api/audit").then().statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString("more than one site"));
            as(agreeing, service).get("/api/audit").then().statusCode(200);
        }
    }
}
