package org.tumorboard.board.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.tumorboard.board.BoardFixtures.CHAIR;
import static org.tumorboard.board.BoardFixtures.FIVE_DISCIPLINES;
import static org.tumorboard.board.BoardFixtures.board;
import static org.tumorboard.board.BoardFixtures.decide;
import static org.tumorboard.board.BoardFixtures.readyCase;
import static org.tumorboard.board.BoardFixtures.vote;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tumorboard.board.BoardFixtures;
import org.tumorboard.testsupport.MovableClock;
import org.tumorboard.testsupport.TestEvents;
import org.tumorboard.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The hub dashboard's timeliness figures, computed from cases this test makes at a site of its own. */
@QuarkusTest
class DashboardTest {

    @Inject
    EntityManager em;

    @BeforeEach
    void openMeeting() {
        BoardFixtures.oneOpenMeeting(em);
    }

    @AfterEach
    void resetClock() {
        MovableClock.reset();
    }

    @Test
    void daysFromReferralToDecisionAndFromDecisionToTreatmentPerSiteWithOverduePlans() {
        String site = "SPOKE-WEST"; // only this test refers to it (a test-profile site of the network)
        String spoke = Tokens.token("coord-t", site, "coordinator");
        String tenDays = decided(site, 10);
        decided(site, 4);
        readyCase(em, site, Instant.now().minus(Duration.ofDays(2)));

        figures(spoke).body("sites.size()", equalTo(1))
                .body("sites[0].site", equalTo(site))
                .body("sites[0].cases", equalTo(3))
                .body("sites[0].decided", equalTo(2))
                .body("sites[0].treated", equalTo(0))
                .body("sites[0].referralToDecisionDays.n", equalTo(2))
                .body("sites[0].referralToDecisionDays.median", equalTo(7.0f))
                .body("sites[0].referralToDecisionDays.q1", equalTo(5.5f))
                .body("sites[0].referralToDecisionDays.q3", equalTo(8.5f))
                .body("sites[0].referralToDecisionDays.min", equalTo(4))
                .body("sites[0].referralToDecisionDays.max", equalTo(10))
                .body("sites[0].decisionToTreatmentDays.n", equalTo(0))
                .body("sites[0].decisionToTreatmentDays.median", nullValue())
                .body("overduePlans", equalTo(0));

        MovableClock.moveBy(Duration.ofDays(20));
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON)
                .body(Map.of("type", "SURGERY", "date", LocalDate.now(new MovableClock().withZone(ZoneOffset.UTC)).toString(),
                        "enBloc", true))
                .post("/api/cases/" + tenDays + "/treatments").then().statusCode(201);
        MovableClock.moveBy(Duration.ofDays(9));

        // The other case's upfront resection is now 29 days after its decision: overdue (28 days, rps-reference.md).
        figures(spoke).body("sites[0].treated", equalTo(1))
                .body("sites[0].decisionToTreatmentDays.median", equalTo(20.0f))
                .body("sites[0].decisionToTreatmentDays.min", equalTo(20))
                .body("overduePlans", equalTo(1))
                .body("overdueSurveillanceVisits", equalTo(0));
        figures(CHAIR).body("sites.site", hasItem(site));
        figures(Tokens.token("coord-north", "SPOKE-NORTH", "coordinator")).body("sites.site", not(hasItem(site)));
        given().auth().oauth2(Tokens.token("auditor", "HUB", "auditor")).get("/api/dashboard/timeliness").then().statusCode(403);
    }

    private String decided(String site, int daysAgo) {
        String caseId = readyCase(em, site, Instant.now().minus(Duration.ofDays(daysAgo)));
        TestEvents.await("scheduled", 30_000, () -> board(caseId).jsonPath().getString("meetingId") != null);
        for (String token : FIVE_DISCIPLINES) {
            vote(token, caseId, "UPFRONT_RESECTION").then().statusCode(201);
        }
        decide(caseId).then().statusCode(201);
        return caseId;
    }

    private static ValidatableResponse figures(String token) {
        return given().auth().oauth2(token).get("/api/dashboard/timeliness").then().statusCode(200);
    }
}
