package org.tumorboard.pathology.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.EventCodec;
import org.tumorboard.events.Topics;
import org.tumorboard.testsupport.TestEvents;
import org.tumorboard.testsupport.Tokens;
import org.tumorboard.testsupport.TopicReader;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The forms' live results (same rules as posting, nothing stored) and the hub's R0 rate, on the real database. */
@QuarkusTest
class PreviewAndDashboardTest {

    @Inject
    EntityManager em;

    /** Issue 19, item 3: a differentiation score that does not fit the histology is a warning in the form and on the report. */
    @Test
    void aDifferentiationThatDoesNotFitTheHistologyIsWarnedOfNeverRefused() {
        String caseId = ReportResourceTest.referredCase(em, "HUB");
        Map<String, Object> misfit = ReportResourceTest.with(ReportResourceTest.biopsy(), "fnclcc",
                Map.of("differentiation", 1, "mitosesPer10Hpf", 12, "necrosisPercent", 30));
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(misfit)
                .post("/api/cases/" + caseId + "/biopsy-reports/preview").then().statusCode(200)
                .body("alerts.code", contains("DIFFERENTIATION_UNEXPECTED_FOR_HISTOLOGY"))
                .body("alerts[0].severity", equalTo("WARNING"))
                .body("alerts[0].message", containsString("DEDIFFERENTIATED_LIPOSARCOMA"));
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(misfit)
                .post("/api/cases/" + caseId + "/biopsy-reports").then().statusCode(201)
                .body("alerts.code", contains("DIFFERENTIATION_UNEXPECTED_FOR_HISTOLOGY"));
        List<ConsumerRecord<String, String>> events = TopicReader.forCase(Topics.PATHOLOGY, caseId, 1, Duration.ofSeconds(30));
        assertEquals(List.of("DIFFERENTIATION_UNEXPECTED_FOR_HISTOLOGY"),
                EventCodec.fromJson(events.get(0).value(), BiopsyReported.class).alerts());
    }

    @Test
    void theBiopsyPreviewGradesLikeThePostAndStoresNothing() {
        String caseId = ReportResourceTest.referredCase(em, "HUB");
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(ReportResourceTest.biopsy())
                .post("/api/cases/" + caseId + "/biopsy-reports/preview").then().statusCode(200)
                .body("grade.grade", equalTo("G3")).body("grade.score", equalTo(6)).body("alerts", empty());
        Map<String, Object> partial = ReportResourceTest.with(ReportResourceTest.biopsy(), "fnclcc", Map.of("differentiation", 2));
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(partial)
                .post("/api/cases/" + caseId + "/biopsy-reports/preview").then().statusCode(200)
                .body("grade.grade", equalTo("GX")).body("grade.missing", contains("mitosesPer10Hpf", "necrosisPercent"));
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON)
                .body(ReportResourceTest.with(ReportResourceTest.biopsy(), "fnclcc", Map.of("differentiation", 4)))
                .post("/api/cases/" + caseId + "/biopsy-reports/preview").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("fnclcc.differentiation"));
        given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON).body(ReportResourceTest.biopsy())
                .post("/api/cases/" + caseId + "/biopsy-reports/preview").then().statusCode(403);
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(ReportResourceTest.biopsy())
                .post("/api/cases/" + TestEvents.newCaseId() + "/biopsy-reports/preview").then().statusCode(404);
        assertEquals(0, ReportResourceTest.count(em, "pathology_report where case_id = '" + caseId + "'"));
        assertEquals(0, ReportResourceTest.count(em, "outbox_event where subject = '" + caseId + "'"));
    }

    @Test
    void theResectionPreviewShowsTheMissChanceAndBlocksNeeded() {
        String caseId = ReportResourceTest.referredCase(em, "HUB");
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(ReportResourceTest.resection())
                .post("/api/cases/" + caseId + "/resection-reports/preview").then().statusCode(200)
                .body("marginMissProbability", equalTo(0.669f)).body("blocksForFivePercentMiss", equalTo(299))
                .body("alerts.code", contains("RESECTION_WITHOUT_BIOPSY"));
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON)
                .body(ReportResourceTest.with(ReportResourceTest.resection(), "assumedInvolvedFraction", 0.05))
                .post("/api/cases/" + caseId + "/resection-reports/preview").then().statusCode(200)
                .body("marginMissProbability", equalTo(0.129f)).body("blocksForFivePercentMiss", equalTo(59));
        assertEquals(0, ReportResourceTest.count(em, "pathology_report where case_id = '" + caseId + "'"));
    }

    @Test
    void theR0RateCountsEachResectionsCurrentVersionPerSite() {
        String site = "SPOKE-WEST"; // only this test refers to it (a test-profile site of the network)
        List<String> margins = List.of("R0", "R0", "R1");
        String amended = null;
        for (String margin : margins) {
            String caseId = ReportResourceTest.referredCase(em, site);
            String reportId = given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON)
                    .body(ReportResourceTest.with(ReportResourceTest.resection(), "margin", margin))
                    .post("/api/cases/" + caseId + "/resection-reports").then().statusCode(201).extract().path("reportId");
            if (amended == null) {
                amended = "/api/cases/" + caseId + "/reports/" + reportId + "/amendments";
            }
        }
        String spoke = Tokens.spokeCoordinator(site);
        given().auth().oauth2(spoke).get("/api/dashboard/margins").then().statusCode(200)
                .body("sites.site", contains(site))
                .body("all.resections", equalTo(3)).body("all.r0", equalTo(2)).body("all.r1", equalTo(1))
                .body("all.r0Rate", equalTo(0.667f))
                .body("published.specializedCenters", equalTo(0.68f)).body("published.otherCenters", equalTo(0.42f));

        // An amendment to R1 replaces the first call: the rate follows the current version.
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON)
                .body(Map.of("reason", "ink on the posterior margin re-examined", "resection",
                        ReportResourceTest.with(ReportResourceTest.resection(), "margin", "R1")))
                .post(amended).then().statusCode(201);
        given().auth().oauth2(spoke).get("/api/dashboard/margins").then().statusCode(200)
                .body("all.r0", equalTo(1)).body("all.r1", equalTo(2)).body("all.r0Rate", equalTo(0.333f));
        given().auth().oauth2(Tokens.pathologist()).get("/api/dashboard/margins").then().statusCode(200)
                .body("sites.site", hasItem(site));
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).get("/api/dashboard/margins").then().statusCode(200)
                .body("sites.site", not(hasItem(site)));
        given().auth().oauth2(Tokens.token("auditor", "HUB", "auditor")).get("/api/dashboard/margins").then().statusCode(403);
    }

}
