package org.tumorboard.board.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tumorboard.board.BoardFixtures.CHAIR;
import static org.tumorboard.board.BoardFixtures.board;
import static org.tumorboard.board.BoardFixtures.decidedCase;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tumorboard.board.BoardFixtures;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.EventCodec;
import org.tumorboard.events.ResectionReported;
import org.tumorboard.events.Topics;
import org.tumorboard.events.TreatmentRecorded;
import org.tumorboard.testsupport.MovableClock;
import org.tumorboard.testsupport.TestEvents;
import org.tumorboard.testsupport.Tokens;
import org.tumorboard.testsupport.TopicReader;
import org.tumorboard.testsupport.TopicWriter;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** From plan to surgery to surveillance, with a clock the test moves, on the real broker and database. */
@QuarkusTest
class TreatmentAndSurveillanceTest {

    static final String SURGEON = org.tumorboard.board.BoardFixtures.SURGEON;
    static final String NURSE_HUB = Tokens.token("nurse-hub", "HUB", "nurse");
    static final String NURSE_NORTH = Tokens.token("nurse-north", "SPOKE-NORTH", "nurse");

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
    void anUpfrontResectionIsOverdueAfter28DaysUntilTheSurgeryIsRecorded() {
        String caseId = decidedCase(em, "HUB", "UPFRONT_RESECTION");
        LocalDate decided = today();
        given().auth().oauth2(CHAIR).get("/api/plans/overdue").then().statusCode(200).body("caseId", not(hasItem(caseId)));

        MovableClock.moveBy(Duration.ofDays(29));
        given().auth().oauth2(CHAIR).get("/api/plans/overdue").then().statusCode(200)
                .body("find { it.caseId == '" + caseId + "' }.nextStep", equalTo("SURGERY"))
                .body("find { it.caseId == '" + caseId + "' }.daysOverdue", equalTo(1));

        treatment(SURGEON, caseId, Map.of("type", "SURGERY", "date", decided.minusDays(1).toString())).then().statusCode(400)
                .body("errors.field", contains("date"));
        treatment(SURGEON, caseId, Map.of("type", "SURGERY", "date", today().plusDays(1).toString())).then().statusCode(400)
                .body("errors.field", contains("date"));
        treatment(NURSE_HUB, caseId, Map.of("type", "SURGERY", "date", today().toString())).then().statusCode(403);
        treatment(SURGEON, caseId, Map.of("type", "SURGERY", "date", today().toString(), "enBloc", true,
                "organsResected", List.of("KIDNEY_LEFT", "COLON_LEFT"), "grossResidualDisease", false)).then().statusCode(201);
        given().auth().oauth2(CHAIR).get("/api/plans/overdue").then().body("caseId", not(hasItem(caseId)));

        List<ConsumerRecord<String, String>> events = TopicReader.read(Topics.BOARD, r -> caseId.equals(r.key())
                && CaseEventTypes.TREATMENT_RECORDED.name().equals(TopicReader.header(r, "ce_type")), 1, Duration.ofSeconds(30),
                Duration.ofSeconds(1));
        TreatmentRecorded surgery = EventCodec.fromJson(events.get(0).value(), TreatmentRecorded.class);
        assertEquals(List.of("KIDNEY_LEFT", "COLON_LEFT"), surgery.organsResected());
        assertEquals(true, surgery.enBloc());
    }

    @Test
    void aPlanNotImplementedNeedsACodedReasonAndThenIsNoLongerOverdue() {
        String caseId = decidedCase(em, "HUB", "NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION");
        MovableClock.moveBy(Duration.ofDays(22));
        given().auth().oauth2(CHAIR).get("/api/plans/overdue").then()
                .body("find { it.caseId == '" + caseId + "' }.nextStep", equalTo("NEOADJUVANT_CHEMOTHERAPY_STARTED"));
        treatment(CHAIR, caseId, Map.of("type", "NOT_IMPLEMENTED", "date", today().toString())).then().statusCode(400)
                .body("errors.field", contains("reasonCode"));
        treatment(CHAIR, caseId, Map.of("type", "NOT_IMPLEMENTED", "date", today().toString(), "reasonCode", "BORED")).then()
                .statusCode(400).body("errors.field", contains("reasonCode"));
        treatment(CHAIR, caseId, Map.of("type", "NOT_IMPLEMENTED", "date", today().toString(), "reasonCode", "PATIENT_CHOICE"))
                .then().statusCode(201);
        given().auth().oauth2(CHAIR).get("/api/plans/overdue").then().body("caseId", not(hasItem(caseId)));
    }

    @Test
    void theResectionStartsSurveillanceVisitsBecomeDueThenOverdueAndARecurrenceGoesBackToTheBoard() {
        String caseId = decidedCase(em, "HUB", "UPFRONT_RESECTION");
        treatment(SURGEON, caseId, Map.of("type", "SURGERY", "date", today().toString(), "enBloc", true)).then().statusCode(201);
        resection(caseId, "R0");
        TestEvents.await("schedule", 30_000, () -> given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance")
                .jsonPath().getBoolean("inSurveillance"));
        var schedule = given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance").then().statusCode(200)
                .body("track", equalTo("HIGH_GRADE"))
                .body("visits[0].state", equalTo("UPCOMING"))
                .body("visits[0].exams", contains("HISTORY_AND_EXAMINATION", "CT_ABDOMEN_PELVIS", "CHEST_CT"))
                .extract().jsonPath();
        assertEquals(21, schedule.getList("visits").size());
        LocalDate firstDue = LocalDate.parse(schedule.getString("visits[0].due"));
        assertEquals(today().plusMonths(3), firstDue);
        assertEquals(1, TopicReader.read(Topics.BOARD, r -> caseId.equals(r.key())
                && CaseEventTypes.SURVEILLANCE_SCHEDULED.name().equals(TopicReader.header(r, "ce_type")), 1,
                Duration.ofSeconds(30), Duration.ofSeconds(1)).size());

        MovableClock.moveBy(Duration.ofDays(firstDue.toEpochDay() - today().toEpochDay()));
        given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance").then().body("visits[0].state", equalTo("DUE"));
        MovableClock.moveBy(Duration.ofDays(31));
        given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance").then().body("visits[0].state", equalTo("OVERDUE"));
        given().auth().oauth2(NURSE_HUB).get("/api/surveillance/due?withinDays=30").then().statusCode(200)
                .body("find { it.caseId == '" + caseId + "' }.state", equalTo("OVERDUE"))
                .body("[0].state", equalTo("OVERDUE"));
        given().auth().oauth2(NURSE_NORTH).get("/api/surveillance/due?withinDays=30").then().statusCode(200)
                .body("caseId", not(hasItem(caseId)));
        given().auth().oauth2(CHAIR).get("/api/surveillance/due").then().statusCode(403);

        visit(caseId, today().plusDays(1), "NO_EVIDENCE_OF_DISEASE").then().statusCode(400).body("errors.field", contains("date"));
        visit(caseId, today(), "FOUND_SOMETHING").then().statusCode(400).body("errors.field", contains("outcome"));
        visit(caseId, today(), "NO_EVIDENCE_OF_DISEASE").then().statusCode(201).body("state", equalTo("DONE"));
        visit(caseId, today(), "LOCAL_RECURRENCE").then().statusCode(201);

        TestEvents.await("back on the board", 30_000, () -> board(caseId).jsonPath().getInt("round") == 2);
        board(caseId).then().body("decision", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance").then()
                .body("inSurveillance", equalTo(false))
                .body("visits.size()", equalTo(2));
        assertEquals(1, TopicReader.read(Topics.BOARD, r -> caseId.equals(r.key())
                && CaseEventTypes.RECURRENCE_RECORDED.name().equals(TopicReader.header(r, "ce_type")), 1,
                Duration.ofSeconds(30), Duration.ofSeconds(1)).size());
        visit(caseId, today(), "NO_EVIDENCE_OF_DISEASE").then().statusCode(409);
    }

    @Test
    void anR2ResectionGoesBackToTheBoardInsteadOfIntoSurveillance() {
        String caseId = decidedCase(em, "HUB", "UPFRONT_RESECTION");
        treatment(SURGEON, caseId, Map.of("type", "SURGERY", "date", today().toString())).then().statusCode(201);
        resection(caseId, "R2");
        TestEvents.await("back on the board", 30_000, () -> board(caseId).jsonPath().getInt("round") == 2);
        given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance").then()
                .body("inSurveillance", equalTo(false)).body("visits.size()", equalTo(0));
    }

    @Test
    void anUnresectableCaseIsDueForReEvaluationAndNeverEntersRoutineSurveillance() {
        String caseId = decidedCase(em, "HUB", "DEFINITIVE_RADIOTHERAPY_OR_SYSTEMIC");
        MovableClock.moveBy(Duration.ofDays(91));
        given().auth().oauth2(CHAIR).get("/api/plans/overdue").then()
                .body("find { it.caseId == '" + caseId + "' }.nextStep", equalTo("BOARD_REEVALUATION"))
                .body("find { it.caseId == '" + caseId + "' }.daysOverdue", equalTo(1));
        resection(caseId, "R0");
        TestEvents.await("back on the board", 30_000, () -> board(caseId).jsonPath().getInt("round") == 2);
        given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance").then().body("visits.size()", equalTo(0));
        given().auth().oauth2(CHAIR).get("/api/plans/overdue").then().body("caseId", not(hasItem(caseId)));
    }

    @Test
    void theLastVisitWithoutDiseaseDischargesTheCase() {
        String caseId = decidedCase(em, "HUB", "UPFRONT_RESECTION");
        treatment(SURGEON, caseId, Map.of("type", "SURGERY", "date", today().toString())).then().statusCode(201);
        resection(caseId, "R0");
        TestEvents.await("schedule", 30_000, () -> given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance")
                .jsonPath().getBoolean("inSurveillance"));
        for (int i = 0; i < 21; i++) {
            visit(caseId, today(), "NO_EVIDENCE_OF_DISEASE").then().statusCode(201);
        }
        given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance").then()
                .body("discharged", equalTo(true)).body("inSurveillance", equalTo(false));
        assertTrue(TopicReader.read(Topics.BOARD, r -> caseId.equals(r.key())
                && CaseEventTypes.CASE_DISCHARGED.name().equals(TopicReader.header(r, "ce_type")), 1,
                Duration.ofSeconds(30), Duration.ofSeconds(1)).size() == 1);
        visit(caseId, today(), "NO_EVIDENCE_OF_DISEASE").then().statusCode(409);
    }

    private static void resection(String caseId, String margin) {
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.RESECTION_REPORTED, caseId,
                new ResectionReported(caseId, "rs", 1, margin, new BigDecimal("21.5"), 2, 0, new BigDecimal("0.669")),
                Instant.now().plusSeconds(120)));
    }

    private static LocalDate today() {
        return LocalDate.now(new MovableClock().withZone(ZoneOffset.UTC));
    }

    private static io.restassured.response.Response treatment(String token, String caseId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/cases/" + caseId + "/treatments");
    }

    private static io.restassured.response.Response visit(String caseId, LocalDate date, String outcome) {
        return given().auth().oauth2(NURSE_HUB).contentType(ContentType.JSON)
                .body(Map.of("date", date.toString(), "outcome", outcome, "notes", "CT clear"))
                .post("/api/cases/" + caseId + "/surveillance-visits");
    }
}
