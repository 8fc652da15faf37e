package org.tumorboard.board.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.Topics;
import org.tumorboard.testsupport.AppliedEffects;
import org.tumorboard.testsupport.TestEvents;
import org.tumorboard.testsupport.Tokens;
import org.tumorboard.testsupport.TopicWriter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** board-service's consumer of intake's referred event, on the real broker and the real database. */
@QuarkusTest
class CaseReferredConsumerTest {

    @Inject
    EntityManager em;

    @Test
    void aReferredCaseWaitsNotReadyWithEveryMissingItem() {
        String caseId = TestEvents.newCaseId();
        CaseEvent event = TestEvents.caseReferred(caseId, "HUB", 22.0);
        TopicWriter.send(Topics.INTAKE, event);
        TopicWriter.send(Topics.INTAKE, event);
        CaseEvent later = TestEvents.caseReferred(caseId, "HUB", 22.0);
        TopicWriter.send(Topics.INTAKE, later);

        TestEvents.await("the later event processed", 30_000, () -> count("inbox_event where event_id = '" + later.id() + "'") == 1);
        assertEquals(1, count("inbox_event where event_id = '" + event.id() + "'"));
        assertEquals(1, AppliedEffects.committed(event.id()), "the redelivery's effect is not applied again");
        assertEquals(1, count("board_case where case_id = '" + caseId + "'"));
        given().auth().oauth2(Tokens.boardMember("chair", "HUB", "SURGERY", "board-chair", "board-member"))
                .when().get("/api/cases/" + caseId + "/board")
                .then().statusCode(200)
                .body("ready", equalTo(false))
                .body("missing", contains("WORKUP", "BIOPSY_REPORT", "STAGING"))
                .body("meetingId", nullValue());
    }

    @Test
    void boardViewIsSiteScopedAndNeedsAClinicianRole() {
        String caseId = TestEvents.newCaseId();
        CaseEvent event = TestEvents.caseReferred(caseId, "SPOKE-NORTH", 9.0);
        TopicWriter.send(Topics.INTAKE, event);
        TestEvents.await("case known", 30_000, () -> count("board_case where case_id = '" + caseId + "'") == 1);

        String path = "/api/cases/" + caseId + "/board";
        given().when().get(path).then().statusCode(401);
        given().auth().oauth2(Tokens.token("auditor", "HUB", "auditor")).when().get(path)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.token("nurse-south", "SPOKE-SOUTH", "nurse")).when().get(path)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.token("nurse-north", "SPOKE-NORTH", "nurse")).when().get(path)
                .then().statusCode(200).body("caseId", equalTo(caseId));
        given().auth().oauth2(Tokens.token("no-site", null, "nurse")).when().get(path)
                .then().statusCode(401).contentType("application/problem+json");
    }

    private long count(String fromWhere) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from " + fromWhere).getSingleResult()).longValue());
    }
}
