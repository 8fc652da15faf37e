package org.tumorboard.pathology.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.EventCodec;
import org.tumorboard.events.Topics;
import org.tumorboard.testsupport.Tokens;
import org.tumorboard.testsupport.TopicReader;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 22, item 6: the owner corrects one of its events, so that the correction reaches every consuming service
 * (each applies it on the live path and closes its dead letter of the original; see the consumers' tests and the
 * system test). Here, on pathology as the owner: what is checked before anything is published, and what is published.
 */
@QuarkusTest
class EventCorrectionTest {

    private static final String OPERATOR = Tokens.token("ops", "HUB", "operator");

    @Inject
    EntityManager em;

    @Test
    void theOwnerPublishesACheckedCorrectionNamingTheEventItCorrects() {
        String caseId = ReportResourceTest.referredCase(em, "HUB");
        String reportId = given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(ReportResourceTest.biopsy())
                .post("/api/cases/" + caseId + "/biopsy-reports").then().statusCode(201).extract().path("reportId");
        ConsumerRecord<String, String> original = TopicReader.forCase(Topics.PATHOLOGY, caseId, 1, Duration.ofSeconds(30)).get(0);
        String originalId = TopicReader.header(original, "ce_id");
        BiopsyReported reported = EventCodec.fromJson(original.value(), BiopsyReported.class);
        String path = "/api/events/" + originalId + "/correction";
        long events = ReportResourceTest.count(em, "outbox_event");

        // Checked like a live event before anything is published: the payload's vocabulary, the case, the reason, the role.
        correction(OPERATOR, path, original.value().replace("\"G3\"", "\"G9\""), "grade typo").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("value"))
                .body("detail", org.hamcrest.Matchers.containsString("BiopsyReported.grade"));
        correction(OPERATOR, path, original.value().replace(caseId, UUID.randomUUID().toString()), "other case").then().statusCode(400)
                .body("errors.field", contains("value.caseId"));
        correction(OPERATOR, path, "{\"caseId\": ", "cut short").then().statusCode(400).body("errors.field", contains("value"));
        correction(OPERATOR, path, original.value(), " ").then().statusCode(400).body("errors.field", contains("reason"));
        correction(OPERATOR, "/api/events/" + UUID.randomUUID() + "/correction", original.value(), "not ours").then().statusCode(404)
                .contentType("application/problem+json");
        correction(Tokens.pathologist(), path, original.value(), "not an operator").then().statusCode(403);
        assertEquals(events, ReportResourceTest.count(em, "outbox_event"), "nothing published by a refused correction");

        String fixed = EventCodec.toJson(new BiopsyReported(caseId, reportId, reported.version(), reported.histology(), "G2", 5,
                reported.alerts()));
        JsonPath answer = correction(OPERATOR, path, fixed, "grade transcribed wrongly; signed report says G2").then().statusCode(200)
                .body("corrects", equalTo(originalId)).body("type", equalTo(TopicReader.header(original, "ce_type")))
                .body("sequence", equalTo(2)).extract().jsonPath();

        List<ConsumerRecord<String, String>> published = TopicReader.forCase(Topics.PATHOLOGY, caseId, 2, Duration.ofSeconds(30));
        assertEquals(2, published.size());
        ConsumerRecord<String, String> correction = published.get(1);
        assertEquals(answer.getString("eventId"), TopicReader.header(correction, "ce_id"));
        assertEquals(originalId, TopicReader.header(correction, "ce_corrects"));
        assertEquals("2", TopicReader.header(correction, "ce_casesequence"), "numbered after the original");
        assertEquals("G2", EventCodec.fromJson(correction.value(), BiopsyReported.class).grade());

        JsonPath trail = given().auth().oauth2(Tokens.token("auditor", "HUB", "auditor")).queryParam("caseId", caseId).get("/api/audit")
                .then().statusCode(200).extract().jsonPath();
        List<String> details = trail.getList("items.findAll { it.action == 'EVENT_CORRECTION' && it.status == 200 }.detail");
        assertEquals(1, details.size(), trail.prettify());
        assertTrue(details.get(0).contains("grade transcribed wrongly") && details.get(0).contains("corrects event " + originalId)
                && details.get(0).contains(fixed), details.get(0));
    }

    private static io.restassured.response.Response correction(String token, String path, String value, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("value", value, "reason", reason)).post(path);
    }
}
