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
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.EventCodec;
import org.tumorboard.events.Sources;
import org.tumorboard.events.Topics;
import org.tumorboard.testsupport.Tokens;
import org.tumorboard.testsupport.TopicReader;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
    void theOwnerCorrectsABrokenEventOnceWithACheckedValueNamingTheEventItCorrects() {
        String caseId = ReportResourceTest.referredCase(em, "HUB");
        String reportId = UUID.randomUUID().toString();
        String fixed = EventCodec.toJson(new BiopsyReported(caseId, reportId, 1, "LEIOMYOSARCOMA", "G2", 5, List.of()));
        // A faulty version of pathology wrote the report's event with a grade outside the vocabulary: every consumer
        // dead-letters it.
        String originalId = faultyOutboxRow(caseId, fixed.replace("\"G2\"", "\"G9\""));
        ConsumerRecord<String, String> original = TopicReader.forCase(Topics.PATHOLOGY, caseId, 1, Duration.ofSeconds(30)).get(0);
        assertEquals(originalId, TopicReader.header(original, "ce_id"));
        String path = "/api/events/" + originalId + "/correction";
        long events = ReportResourceTest.count(em, "outbox_event");

        // Checked like a live event before anything is published: the payload's vocabulary, what it is about, the reason,
        // the role, that the event is this service's.
        correction(OPERATOR, path, original.value(), "same again").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("value"))
                .body("detail", org.hamcrest.Matchers.containsString("BiopsyReported.grade"));
        correction(OPERATOR, path, fixed.replace(caseId, UUID.randomUUID().toString()), "other case").then().statusCode(400)
                .body("errors.field", contains("value.caseId"));
        correction(OPERATOR, path, fixed.replace(reportId, UUID.randomUUID().toString()), "other report").then().statusCode(400)
                .body("errors.field", contains("value.reportId"));
        correction(OPERATOR, path, "{\"caseId\": ", "cut short").then().statusCode(400).body("errors.field", contains("value"));
        correction(OPERATOR, path, fixed, " ").then().statusCode(400).body("errors.field", contains("reason"));
        correction(OPERATOR, "/api/events/" + UUID.randomUUID() + "/correction", fixed, "not ours").then().statusCode(404)
                .contentType("application/problem+json");
        correction(Tokens.pathologist(), path, fixed, "not an operator").then().statusCode(403);
        assertEquals(events, ReportResourceTest.count(em, "outbox_event"), "nothing published by a refused correction");

        JsonPath answer = correction(OPERATOR, path, fixed, "grade mistyped by the faulty version; signed report says G2").then()
                .statusCode(200).body("corrects", equalTo(originalId)).body("type", equalTo(TopicReader.header(original, "ce_type")))
                .body("sequence", equalTo(2)).extract().jsonPath();
        correction(OPERATOR, path, fixed, "again").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("already corrected by event " + answer.getString("eventId")));

        List<ConsumerRecord<String, String>> published = TopicReader.forCase(Topics.PATHOLOGY, caseId, 2, Duration.ofSeconds(30));
        assertEquals(2, published.size(), "one correction, published once");
        ConsumerRecord<String, String> correction = published.get(1);
        assertEquals(answer.getString("eventId"), TopicReader.header(correction, "ce_id"));
        assertEquals(originalId, TopicReader.header(correction, "ce_corrects"));
        assertEquals("2", TopicReader.header(correction, "ce_casesequence"), "numbered after the original");
        assertEquals(fixed, correction.value());

        JsonPath trail = given().auth().oauth2(Tokens.token("auditor", "HUB", "auditor")).queryParam("caseId", caseId).get("/api/audit")
                .then().statusCode(200).extract().jsonPath();
        List<String> details = trail.getList("items.findAll { it.action == 'EVENT_CORRECTION' && it.status == 200 }.detail");
        assertEquals(1, details.size(), trail.prettify());
        assertTrue(details.get(0).contains("signed report says G2") && details.get(0).contains("corrects event " + originalId)
                && details.get(0).contains(fixed), details.get(0));
    }

    /** A valid event is a clinical fact: changing it is the pathologist's amendment, not an operator's correction. */
    @Test
    void aValidEventOrOneFollowedByLaterEventsIsNotAnOperatorsToCorrect() {
        String caseId = ReportResourceTest.referredCase(em, "HUB");
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(ReportResourceTest.biopsy())
                .post("/api/cases/" + caseId + "/biopsy-reports").then().statusCode(201);
        ConsumerRecord<String, String> valid = TopicReader.forCase(Topics.PATHOLOGY, caseId, 1, Duration.ofSeconds(30)).get(0);
        correction(OPERATOR, "/api/events/" + TopicReader.header(valid, "ce_id") + "/correction",
                valid.value().replace("\"G3\"", "\"G2\""), "the operator thinks G2").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("clinician's amendment"));

        String other = ReportResourceTest.referredCase(em, "HUB");
        String fixed = EventCodec.toJson(new BiopsyReported(other, UUID.randomUUID().toString(), 1, "LEIOMYOSARCOMA", "G2", 5, List.of()));
        String broken = faultyOutboxRow(other, fixed.replace("\"G2\"", "\"G9\""));
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(ReportResourceTest.biopsy())
                .post("/api/cases/" + other + "/biopsy-reports").then().statusCode(201);
        correction(OPERATOR, "/api/events/" + broken + "/correction", fixed, "too late").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("later event(s)"));
    }

    /** What a faulty version of pathology would have committed: a row in its outbox, numbered for the case. */
    private String faultyOutboxRow(String caseId, String payload) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            long sequence = ((Number) em.createNativeQuery("insert into outbox_case_sequence (subject, last_sequence) values (:s, 1) "
                    + "on conflict (subject) do update set last_sequence = outbox_case_sequence.last_sequence + 1 returning last_sequence")
                    .setParameter("s", caseId).getSingleResult()).longValue();
            em.createNativeQuery("insert into outbox_event (id, topic, type, source, subject, occurred_at, case_sequence, payload) "
                    + "values (:id, :topic, :type, :source, :subject, now(), :sequence, :payload)")
                    .setParameter("id", id).setParameter("topic", Topics.PATHOLOGY)
                    .setParameter("type", CaseEventTypes.BIOPSY_REPORTED.name()).setParameter("source", Sources.PATHOLOGY)
                    .setParameter("subject", caseId).setParameter("sequence", sequence).setParameter("payload", payload).executeUpdate();
        });
        return id.toString();
    }

    private static io.restassured.response.Response correction(String token, String path, String value, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("value", value, "reason", reason)).post(path);
    }
}
