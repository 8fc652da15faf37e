package org.tumorboard.intake.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.CaseScheduled;
import org.tumorboard.events.CaseStaged;
import org.tumorboard.events.PlanDecided;
import org.tumorboard.events.RecurrenceRecorded;
import org.tumorboard.events.Topics;
import org.tumorboard.intake.IntakeApi;
import org.tumorboard.intake.Referrals;
import org.tumorboard.testsupport.TestEvents;
import org.tumorboard.testsupport.Tokens;
import org.tumorboard.testsupport.TopicWriter;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The operator rebuilds the case registry from the topics: every status and timeline comes back as it was. */
@QuarkusTest
class RebuildTest {

    private static final String OPERATOR = Tokens.token("ops", "HUB", "operator");

    @Test
    void theRegistryRebuiltFromTheTopicsEqualsWhatItWas() {
        String complete = IntakeApi.refer("SPOKE-NORTH");
        String throughRecurrence = IntakeApi.refer("HUB");
        Instant t = Instant.now();
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, complete,
                new BiopsyReported(complete, "r1", 1, "LEIOMYOSARCOMA", "G2"), t.plusSeconds(10)));
        TopicWriter.send(Topics.STAGING, TestEvents.event(CaseEventTypes.CASE_STAGED, complete,
                new CaseStaged(complete, "c", "T3", "N0", "M0", "G2", "IIIA"), t.plusSeconds(20)));
        TopicWriter.send(Topics.BOARD, TestEvents.event(CaseEventTypes.PLAN_DECIDED, throughRecurrence,
                new PlanDecided(throughRecurrence, "UPFRONT_RESECTION"), t.plusSeconds(10)));
        TopicWriter.send(Topics.BOARD, TestEvents.event(CaseEventTypes.RECURRENCE_RECORDED, throughRecurrence,
                new RecurrenceRecorded(throughRecurrence, "LOCAL_RECURRENCE", LocalDate.now()), t.plusSeconds(100)));
        // late: older than the recurrence, on the timeline but not in the status
        TopicWriter.send(Topics.BOARD, TestEvents.event(CaseEventTypes.CASE_SCHEDULED, throughRecurrence,
                new CaseScheduled(throughRecurrence, "m-old", LocalDate.now()), t.plusSeconds(5)));
        TestEvents.await("events applied", 30_000, () -> IntakeApi.getCase(complete).getList("timeline").size() == 4
                && IntakeApi.getCase(throughRecurrence).getList("timeline").size() == 5);
        JsonPath before1 = IntakeApi.getCase(complete);
        JsonPath before2 = IntakeApi.getCase(throughRecurrence);
        String withWorkupMissing = IntakeApi.refer(Referrals.with(Referrals.valid("HUB"), "imaging.chestImaging", null));
        JsonPath before3 = IntakeApi.getCase(withWorkupMissing);
        assertEquals("WORKUP", before3.getString("status"));

        given().auth().oauth2(OPERATOR).post("/api/admin/rebuild").then().statusCode(200)
                .body("records", greaterThan(0)).body("applied", greaterThan(0));

        for (var pair : java.util.List.of(java.util.Map.entry(complete, before1), java.util.Map.entry(throughRecurrence, before2),
                java.util.Map.entry(withWorkupMissing, before3))) {
            JsonPath after = IntakeApi.getCase(pair.getKey());
            assertEquals(pair.getValue().getString("status"), after.getString("status"), pair.getKey());
            assertEquals(pair.getValue().getList("timeline"), after.getList("timeline"), pair.getKey());
        }
        assertEquals("STAGED", IntakeApi.status(complete));
        assertEquals("RECURRENCE", IntakeApi.status(throughRecurrence));
    }

    @Test
    void onlyAnOperatorRebuilds() {
        given().post("/api/admin/rebuild").then().statusCode(401);
        given().auth().oauth2(Tokens.hubCoordinator()).post("/api/admin/rebuild").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
