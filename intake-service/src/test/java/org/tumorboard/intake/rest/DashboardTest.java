package org.tumorboard.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tumorboard.intake.IntakeApi;
import org.tumorboard.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The dashboard's cases by status: counts follow referrals and withdrawals, every status named, spokes kept to their own. */
@QuarkusTest
class DashboardTest {

    @Test
    void casesByStatusInAllAndPerSite() {
        JsonPath before = counts(Tokens.hubCoordinator());
        String south = IntakeApi.refer("SPOKE-SOUTH");
        String south2 = IntakeApi.refer("SPOKE-SOUTH");
        String north = IntakeApi.refer("SPOKE-NORTH");
        String status = IntakeApi.getCase(south).getString("status");
        long stillInStatus = java.util.stream.Stream.of(south2, north)
                .filter(c -> status.equals(IntakeApi.getCase(c).getString("status"))).count();
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-SOUTH")).contentType(ContentType.JSON)
                .body(Map.of("reason", "patient chose treatment closer to home")).post("/api/cases/" + south + "/withdrawal")
                .then().statusCode(200);

        JsonPath after = counts(Tokens.hubCoordinator());
        assertEquals(before.getLong("total") + 3, after.getLong("total"));
        assertEquals(before.getLong("byStatus.WITHDRAWN") + 1, after.getLong("byStatus.WITHDRAWN"));
        assertEquals(before.getLong("byStatus." + status) + stillInStatus, after.getLong("byStatus." + status));
        assertEquals(15, after.getMap("byStatus").size(), "every status is named, zero included");
        assertEquals(after.getLong("total"), after.getList("sites.total", Long.class).stream().mapToLong(Long::longValue).sum());
        assertEquals(site(before, "SPOKE-SOUTH") + 2, site(after, "SPOKE-SOUTH"));
        assertEquals(site(before, "SPOKE-NORTH") + 1, site(after, "SPOKE-NORTH"));

        JsonPath spoke = counts(Tokens.spokeCoordinator("SPOKE-SOUTH"));
        assertEquals(java.util.List.of("SPOKE-SOUTH"), spoke.getList("sites.site"));
        assertEquals(site(after, "SPOKE-SOUTH"), spoke.getLong("total"));
        given().auth().oauth2(Tokens.token("auditor", "HUB", "auditor")).get("/api/dashboard/cases").then().statusCode(403);
        given().get("/api/dashboard/cases").then().statusCode(401);
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).get("/api/dashboard/cases").then().statusCode(200)
                .body("sites.site", contains("SPOKE-NORTH"));
    }

    private static long site(JsonPath counts, String site) {
        Object total = counts.get("sites.find { it.site == '" + site + "' }.total");
        return total == null ? 0 : ((Number) total).longValue();
    }

    private static JsonPath counts(String token) {
        return given().auth().oauth2(token).get("/api/dashboard/cases").then().statusCode(200).extract().jsonPath();
    }
}
