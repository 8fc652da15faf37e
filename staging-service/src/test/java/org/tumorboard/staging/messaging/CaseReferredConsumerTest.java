package org.tumorboard.staging.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

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

/** staging-service's consumer of intake's referred event, on the real broker and the real database. */
@QuarkusTest
class CaseReferredConsumerTest {

    @Inject
    EntityManager em;

    @Test
    void aReferredCaseKnowsItsClinicalInputsAndWaitsForTheGrade() {
        String caseId = TestEvents.newCaseId();
        CaseEvent event = TestEvents.caseReferred(caseId, "SPOKE-NORTH", 22.0);
        TopicWriter.send(Topics.INTAKE, event);
        TopicWriter.send(Topics.INTAKE, event);
        CaseEvent later = TestEvents.caseReferred(caseId, "SPOKE-NORTH", 22.0);
        TopicWriter.send(Topics.INTAKE, later);

        TestEvents.await("the later event processed", 30_000, () -> inInbox(later.id()) == 1);
        assertEquals(1, inInbox(event.id()), "the redelivered event is recorded once");
        assertEquals(1, AppliedEffects.committed(event.id()), "the redelivery's effect is not applied again");
        given().auth().oauth2(Tokens.token("medonc", "HUB", "board-member"))
                .when().get("/api/cases/" + caseId + "/staging")
                .then().statusCode(200)
                .body("complete", equalTo(false))
                .body("missing", contains("GRADE"))
                .body("inputs.find { it.name == 'greatestDimensionCm' }.value", equalTo("22.0"))
                .body("inputs.find { it.name == 'metastasis' }.value", equalTo("M0"))
                .body("inputs.find { it.name == 'metastasis' }.eventId", equalTo(later.id().toString()));
    }

    @Test
    void stagingIsSiteScopedAndNeedsAClinicianRole() {
        String caseId = TestEvents.newCaseId();
        CaseEvent event = TestEvents.caseReferred(caseId, "SPOKE-SOUTH", 4.0);
        TopicWriter.send(Topics.INTAKE, event);
        TestEvents.await("case known", 30_000, () -> inInbox(event.id()) == 1);

        String path = "/api/cases/" + caseId + "/staging";
        given().when().get(path).then().statusCode(401);
        given().auth().oauth2(Tokens.token("auditor", "HUB", "auditor")).when().get(path)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).when().get(path)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-SOUTH")).when().get(path)
                .then().statusCode(200).body("caseId", equalTo(caseId));
        given().auth().oauth2(Tokens.hubCoordinator()).when().get("/api/cases/" + UUID.randomUUID() + "/staging")
                .then().statusCode(404);
    }

    private long inInbox(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from inbox_event where event_id = '" + eventId + "'").getSingleResult()).longValue());
    }
}
