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
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tumorboard.board.BoardFixtures;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.EventCodec;
import org.tumorboard.events.ResectionAmended;
import org.tumorboard.events.ResectionReported;
import org.tumorboard.events.Topics;
import org.tumorboard.events.VisitRecorded;
import org.tumorboard.events.TreatmentRecorded;
import org.tumorboard.testsupport.AppliedEffects;
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
        // Issue 20, path 6: the plan not carried out comes back to the board for a new round; the old one stays on record.
        board(caseId).then().body("round", equalTo(2)).body("decision", org.hamcrest.Matchers.nullValue())
                .body("phase", org.hamcrest.Matchers.oneOf("READY", "SCHEDULED"));
        treatment(CHAIR, caseId, Map.of("type", "NEOADJUVANT_CHEMOTHERAPY_STARTED", "date", today().toString())).then()
                .statusCode(409);
    }

    @Test
    void theResectionStartsSurveillanceVisitsBecomeDueThenOverdueAndARecurrenceGoesBackToTheBoard() {
        String caseId = decidedCase(em, "HUB", "UPFRONT_RESECTION");
        // The operating list: the decided resection waits for its operation, due within the target, until it is recorded.
        given().auth().oauth2(SURGEON).get("/api/plans/open").then().statusCode(200)
                .body("find { it.caseId == '" + caseId + "' }.nextStep", equalTo("SURGERY"))
                .body("find { it.caseId == '" + caseId + "' }.daysOverdue", equalTo(0));
        treatment(SURGEON, caseId, Map.of("type", "SURGERY", "date", today().toString(), "enBloc", true)).then().statusCode(201);
        given().auth().oauth2(SURGEON).get("/api/plans/open").then().statusCode(200)
                .body("caseId", not(hasItem(caseId)));
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
        // The same worklist a page at a time, paged in SQL: the overdue visit first, the total counted, the spoke's own.
        var first = given().auth().oauth2(NURSE_HUB).get("/api/surveillance/due-visits?withinDays=30&size=1").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1)).body("items[0].state", equalTo("OVERDUE"))
                .body("size", equalTo(1)).body("page", equalTo(0)).extract().jsonPath();
        java.util.List<String> all = given().auth().oauth2(NURSE_HUB).get("/api/surveillance/due?withinDays=30").jsonPath()
                .getList("caseId");
        assertEquals(all.size(), first.getLong("total"));
        assertEquals(all.get(0), first.getString("items[0].caseId"));
        if (all.size() > 1) {
            given().auth().oauth2(NURSE_HUB).get("/api/surveillance/due-visits?withinDays=30&size=1&page=1").then().statusCode(200)
                    .body("items[0].caseId", equalTo(all.get(1)));
        }
        given().auth().oauth2(NURSE_NORTH).get("/api/surveillance/due-visits?withinDays=30&size=100").then().statusCode(200)
                .body("items.caseId", not(hasItem(caseId)));
        given().auth().oauth2(NURSE_HUB).get("/api/surveillance/due-visits?withinDays=30&caseId=" + caseId).then().statusCode(200)
                .body("total", equalTo(1)).body("items.caseId", contains(caseId));
        given().auth().oauth2(NURSE_HUB).get("/api/surveillance/due-visits?withinDays=30&caseId=" + java.util.UUID.randomUUID())
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(NURSE_HUB).get("/api/surveillance/due-visits?caseId=nope").then().statusCode(400)
                .body("errors.field", contains("caseId"));
        given().auth().oauth2(NURSE_HUB).get("/api/surveillance/due-visits?size=1000").then().statusCode(400)
                .body("errors.field", contains("size"));
        given().auth().oauth2(CHAIR).get("/api/surveillance/due-visits").then().statusCode(403);

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
        // Issue 23: every visit is published with what it found, the read models' disease status at each visit
        assertEquals(List.of(new VisitRecorded(caseId, 1, today(), "NO_EVIDENCE_OF_DISEASE"),
                new VisitRecorded(caseId, 2, today(), "LOCAL_RECURRENCE")),
                TopicReader.read(Topics.BOARD, r -> caseId.equals(r.key())
                        && CaseEventTypes.VISIT_RECORDED.name().equals(TopicReader.header(r, "ce_type")), 2,
                        Duration.ofSeconds(30), Duration.ofSeconds(1)).stream()
                        .map(r -> EventCodec.fromJson(r.value(), VisitRecorded.class)).toList());
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
        board(caseId).then().body("phase", equalTo("DISCHARGED"));

        // Issue 20, path 8: a low-grade liposarcoma recurs after discharge; the recurrence is recorded and the case
        // comes back to the board.
        visit(caseId, today(), "LOCAL_RECURRENCE").then().statusCode(201);
        // back to the board, where it waits for its recurrence staging (path 2)
        board(caseId).then().body("round", equalTo(2)).body("phase", equalTo("WAITING")).body("missing", contains("STAGING"));
        given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance").then()
                .body("discharged", equalTo(false)).body("visits.size()", equalTo(22))
                .body("visits[21].outcome", equalTo("LOCAL_RECURRENCE"));
    }

    /**
     * Issue 19, item 4: the specimen's histology and grade set the track (WDLPS G1 in the specimen: low grade); an
     * amendment finding it dedifferentiated re-plans the visits not yet done on the high-grade track, keeping the one
     * done; the amendment delivered twice and a late copy of the first version change nothing more; an amendment to R2
     * sends the case back to the board. The specimen's alerts show on the board's view.
     */
    @Test
    void theSpecimensHistologyAndGradeSetTheTrackAndAnAmendmentRePlansTheVisits() {
        String caseId = decidedCase(em, "HUB", "UPFRONT_RESECTION");
        treatment(SURGEON, caseId, Map.of("type", "SURGERY", "date", today().toString())).then().statusCode(201);
        Instant t = Instant.now().plusSeconds(120);
        CaseEvent reported = TestEvents.event(CaseEventTypes.RESECTION_REPORTED, caseId, new ResectionReported(caseId, "rs", 1, "R0",
                new BigDecimal("21.5"), 2, 0, new BigDecimal("0.669"), "WELL_DIFFERENTIATED_LIPOSARCOMA", "G1", null,
                List.of("LIPOSARCOMA_WITHOUT_MDM2_CDK4_TEST")), t);
        TopicWriter.send(Topics.PATHOLOGY, reported);
        TestEvents.await("low-grade schedule", 30_000, () -> given().auth().oauth2(NURSE_HUB)
                .get("/api/cases/" + caseId + "/surveillance").jsonPath().getBoolean("inSurveillance"));
        given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance").then()
                .body("track", equalTo("LOW_GRADE")).body("visits.size()", equalTo(20)).body("visits[0].month", equalTo(6));
        assertTrue(board(caseId).jsonPath().getList("alerts").contains("LIPOSARCOMA_WITHOUT_MDM2_CDK4_TEST"));
        // the day read once: a run across midnight (UTC) must not compare the visit with the next day
        LocalDate visitDay = today();
        visit(caseId, visitDay, "NO_EVIDENCE_OF_DISEASE").then().statusCode(201);

        CaseEvent amended = TestEvents.event(CaseEventTypes.RESECTION_AMENDED, caseId, new ResectionAmended(caseId, "rs", 2, "R0",
                new BigDecimal("21.5"), 2, 0, new BigDecimal("0.669"), "DEDIFFERENTIATED_LIPOSARCOMA", "G3", null, List.of()),
                t.plusSeconds(10));
        TopicWriter.send(Topics.PATHOLOGY, amended);
        TopicWriter.send(Topics.PATHOLOGY, amended);
        TestEvents.await("high-grade track", 30_000, () -> "HIGH_GRADE".equals(given().auth().oauth2(NURSE_HUB)
                .get("/api/cases/" + caseId + "/surveillance").jsonPath().getString("track")));
        RecordMetadata lateAt = TopicWriter.send(Topics.PATHOLOGY, reported);
        TopicWriter.awaitConsumed("board-service", 30_000, lateAt);
        given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance").then()
                .body("track", equalTo("HIGH_GRADE"))
                // the visit done at month 6 kept; from month 9 on every 3 months to year 3, then 6-monthly, then yearly
                .body("visits.size()", equalTo(20))
                .body("visits[0].doneOn", equalTo(visitDay.toString()))
                .body("visits[1].month", equalTo(9))
                .body("visits[1].number", equalTo(2))
                .body("visits[1].exams", hasItem("CHEST_CT"));
        assertEquals(1, AppliedEffects.committed(amended.id()));

        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.RESECTION_AMENDED, caseId, new ResectionAmended(caseId,
                "rs", 3, "R2", new BigDecimal("21.5"), 2, 0, new BigDecimal("0.669"), "DEDIFFERENTIATED_LIPOSARCOMA", "G3", null,
                List.of()), t.plusSeconds(20)));
        TestEvents.await("back on the board", 30_000, () -> board(caseId).jsonPath().getInt("round") == 2);
        given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance").then()
                .body("inSurveillance", equalTo(false)).body("visits.size()", equalTo(1));
    }

    /**
     * Issue 20, path 7: the pathologist's report came first and surveillance started; the surgeon then records the
     * operation stating gross residual disease: the case goes back to the board. A neoadjuvant milestone is 409 there.
     */
    @Test
    void grossResidualStatedAfterTheReportSendsTheCaseBackToTheBoard() {
        String caseId = decidedCase(em, "HUB", "UPFRONT_RESECTION");
        resection(caseId, "R1");
        TestEvents.await("in surveillance", 30_000, () -> "IN_SURVEILLANCE".equals(board(caseId).jsonPath().getString("phase")));
        treatment(CHAIR, caseId, Map.of("type", "NEOADJUVANT_RADIOTHERAPY_STARTED", "date", today().toString())).then().statusCode(409);
        treatment(SURGEON, caseId, Map.of("type", "SURGERY", "date", today().toString(), "grossResidualDisease", true)).then()
                .statusCode(201);
        board(caseId).then().body("round", equalTo(2)).body("phase", org.hamcrest.Matchers.oneOf("READY", "SCHEDULED"));
        given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance").then()
                .body("inSurveillance", equalTo(false)).body("visits.size()", equalTo(0));
    }

    /**
     * Issue 20, path 7: the chair reopens a case that is followed after its resection; the nurse still records its
     * visits while it is discussed again; the new round decides a re-resection, and the visits not yet done follow the
     * new operation (the visit done kept, numbered on). A visit for a case that has no schedule running is 409 naming
     * its phase.
     */
    @Test
    void reopeningAFollowedCaseKeepsSurveillanceAndTheScheduleFollowsTheNewPlan() {
        String notOperated = decidedCase(em, "HUB", "UPFRONT_RESECTION");
        visit(notOperated, today(), "NO_EVIDENCE_OF_DISEASE").then().statusCode(409).body("phase", equalTo("DECIDED"));

        String caseId = decidedCase(em, "HUB", "UPFRONT_RESECTION");
        treatment(SURGEON, caseId, Map.of("type", "SURGERY", "date", today().toString())).then().statusCode(201);
        resection(caseId, "R0");
        TestEvents.await("in surveillance", 30_000, () -> "IN_SURVEILLANCE".equals(board(caseId).jsonPath().getString("phase")));
        visit(caseId, today(), "NO_EVIDENCE_OF_DISEASE").then().statusCode(201);

        given().auth().oauth2(CHAIR).contentType(ContentType.JSON).body(Map.of("reason", "new imaging shows a nodule"))
                .post("/api/cases/" + caseId + "/reopen").then().statusCode(200).body("round", equalTo(2));
        TestEvents.await("scheduled again", 30_000, () -> "SCHEDULED".equals(board(caseId).jsonPath().getString("phase")));
        given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance").then()
                .body("inSurveillance", equalTo(true)).body("visits.size()", equalTo(21));
        MovableClock.moveBy(Duration.ofDays(95));
        visit(caseId, today(), "NO_EVIDENCE_OF_DISEASE").then().statusCode(201);

        for (String token : BoardFixtures.FIVE_DISCIPLINES) {
            BoardFixtures.vote(token, caseId, "UPFRONT_RESECTION").then().statusCode(201);
        }
        BoardFixtures.decide(caseId).then().statusCode(201);
        board(caseId).then().body("phase", equalTo("DECIDED"));
        LocalDate reResection = today();
        treatment(SURGEON, caseId, Map.of("type", "SURGERY", "date", reResection.toString())).then().statusCode(201);
        board(caseId).then().body("phase", equalTo("IN_SURVEILLANCE"));
        given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance").then()
                .body("inSurveillance", equalTo(true))
                .body("visits[0].doneOn", org.hamcrest.Matchers.notNullValue())
                .body("visits[1].doneOn", equalTo(today().toString()))
                .body("visits[2].number", equalTo(3))
                .body("visits[2].month", equalTo(3))
                .body("visits[2].due", equalTo(reResection.plusMonths(3).toString()))
                .body("visits.size()", equalTo(23));
        assertTrue(TopicReader.read(Topics.BOARD, r -> caseId.equals(r.key())
                && CaseEventTypes.SURVEILLANCE_SCHEDULED.name().equals(TopicReader.header(r, "ce_type")), 2,
                Duration.ofSeconds(30), Duration.ofSeconds(1)).size() == 2);

        // the re-resection's own report finds gross residual disease: back to the board, the open visits dropped
        resection(caseId, "R2");
        TestEvents.await("the re-resection's R2 report sends it back", 30_000, () -> board(caseId).jsonPath().getInt("round") == 3);
        given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance").then()
                .body("inSurveillance", equalTo(false)).body("visits.size()", equalTo(2));
    }

    /**
     * rps-reference.md section 8: after neoadjuvant therapy the pre-treatment grade governs. The biopsy's G2 stands
     * against a treated specimen graded G1: the patient is followed on the high-grade track.
     */
    @Test
    void afterNeoadjuvantTherapyThePreTreatmentGradeSetsTheTrack() {
        String caseId = decidedCase(em, "HUB", "NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION");
        treatment(CHAIR, caseId, Map.of("type", "NEOADJUVANT_CHEMOTHERAPY_STARTED", "date", today().toString())).then().statusCode(201);
        treatment(SURGEON, caseId, Map.of("type", "SURGERY", "date", today().toString())).then().statusCode(201);
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.RESECTION_REPORTED, caseId, new ResectionReported(caseId,
                "rs", 1, "R0", new BigDecimal("21.5"), 2, 0, new BigDecimal("0.669"), "DEDIFFERENTIATED_LIPOSARCOMA", "G1",
                new BigDecimal("20"), List.of()), Instant.now().plusSeconds(120)));
        TestEvents.await("in surveillance", 30_000, () -> "IN_SURVEILLANCE".equals(board(caseId).jsonPath().getString("phase")));
        given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance").then().body("track", equalTo("HIGH_GRADE"));
    }

    /** An R2 amendment delivered before its original report: the original does not undo it (issue 19, item 4). */
    @Test
    void anR2AmendmentThatArrivesBeforeItsOriginalStillSendsTheCaseBackToTheBoard() {
        String caseId = decidedCase(em, "HUB", "UPFRONT_RESECTION");
        Instant t = Instant.now().plusSeconds(120);
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.RESECTION_AMENDED, caseId, new ResectionAmended(caseId,
                "rs", 2, "R2", new BigDecimal("21.5"), 2, 0, new BigDecimal("0.669")), t.plusSeconds(10)));
        RecordMetadata originalAt = TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.RESECTION_REPORTED, caseId,
                new ResectionReported(caseId, "rs", 1, "R0", new BigDecimal("21.5"), 2, 0, new BigDecimal("0.669")), t));
        TopicWriter.awaitConsumed("board-service", 30_000, originalAt);
        TestEvents.await("back on the board", 30_000, () -> board(caseId).jsonPath().getInt("round") == 2);
        given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance").then()
                .body("inSurveillance", equalTo(false)).body("visits.size()", equalTo(0));
    }

    /**
     * Issue 20, path 1: the histology amended to not a sarcoma after the board decided. The decision is superseded (kept,
     * with the reason), not re-discussed; the case is off the pathway and off the overdue list; a surgery or a
     * neoadjuvant start for the sarcoma plan is 409 naming the phase and the reason; a resection report starts no
     * surveillance. Amended back to a sarcoma, the case returns to the board for a new round. Each event twice.
     */
    @Test
    void notASarcomaAfterTheDecisionSupersedesItAndStopsTheResection() {
        String caseId = decidedCase(em, "HUB", "UPFRONT_RESECTION");
        board(caseId).then().body("phase", equalTo("DECIDED"));
        Instant t = Instant.now().plusSeconds(60);
        CaseEvent amended = TestEvents.event(CaseEventTypes.BIOPSY_AMENDED, caseId, new org.tumorboard.events.BiopsyAmended(caseId,
                "b", 2, "NOT_SARCOMA", null, null, List.of("NOT_SARCOMA_HISTOLOGY", "LYMPHOMA_MARKER_POSITIVE")), t);
        CaseEvent flagged = TestEvents.event(CaseEventTypes.NON_SARCOMA_FLAGGED, caseId,
                new org.tumorboard.events.NonSarcomaFlagged(caseId, "b", List.of("CD45 positive: lymphoma")), t.plusMillis(1));
        for (int i = 0; i < 2; i++) {
            TopicWriter.send(Topics.PATHOLOGY, amended);
            TopicWriter.send(Topics.PATHOLOGY, flagged);
        }
        TestEvents.await("off the pathway", 30_000, () -> "OFF_PATHWAY".equals(board(caseId).jsonPath().getString("phase")));
        board(caseId).then()
                .body("round", equalTo(1))
                .body("decision.option", equalTo("UPFRONT_RESECTION"))
                .body("decision.superseded.reason", equalTo("not a sarcoma: CD45 positive: lymphoma"))
                .body("meetingId", org.hamcrest.Matchers.nullValue());
        treatment(SURGEON, caseId, Map.of("type", "SURGERY", "date", today().toString())).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("OFF_PATHWAY"))
                .body("detail", org.hamcrest.Matchers.containsString("not a sarcoma"))
                .body("phase", equalTo("OFF_PATHWAY"));
        treatment(CHAIR, caseId, Map.of("type", "NEOADJUVANT_RADIOTHERAPY_STARTED", "date", today().toString())).then().statusCode(409);
        MovableClock.moveBy(Duration.ofDays(40));
        given().auth().oauth2(CHAIR).get("/api/plans/overdue").then().statusCode(200).body("caseId", not(hasItem(caseId)));
        MovableClock.reset();
        RecordMetadata reportAt = TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.RESECTION_REPORTED, caseId,
                new ResectionReported(caseId, "rs", 1, "R0", new BigDecimal("21.5"), 2, 0, new BigDecimal("0.669")), t.plusSeconds(5)));
        TopicWriter.awaitConsumed("board-service", 30_000, reportAt);
        given().auth().oauth2(NURSE_HUB).get("/api/cases/" + caseId + "/surveillance").then()
                .body("inSurveillance", equalTo(false)).body("visits.size()", equalTo(0));

        CaseEvent restored = TestEvents.event(CaseEventTypes.SARCOMA_DIAGNOSIS_RESTORED, caseId,
                new org.tumorboard.events.SarcomaDiagnosisRestored(caseId, "b", 3, "DEDIFFERENTIATED_LIPOSARCOMA"), t.plusSeconds(10));
        TopicWriter.send(Topics.PATHOLOGY, restored);
        TopicWriter.send(Topics.PATHOLOGY, restored);
        TestEvents.await("a new round on the board", 30_000, () -> board(caseId).jsonPath().getInt("round") == 2
                && "SCHEDULED".equals(board(caseId).jsonPath().getString("phase")));
        board(caseId).then().body("decision", org.hamcrest.Matchers.nullValue()).body("notSarcomaReason", org.hamcrest.Matchers.nullValue());
        assertEquals(1, AppliedEffects.committed(restored.id()));
    }

    /**
     * Issue 20, paths 3 and 4: resectability and fitness are recorded on the board case with who and why, shown on its
     * view, and drive the suggestions; until resectability is assessed the suggestions say so. Bad bodies are 400
     * naming the field; a case off the pathway is 409.
     */
    @Test
    void resectabilityAndFitnessAreRecordedAndDriveTheSuggestions() {
        String caseId = BoardFixtures.readyCase(em, "HUB", Instant.now().minus(Duration.ofDays(1)));
        board(caseId).then().body("resectability", org.hamcrest.Matchers.nullValue())
                .body("suggestedOptions[0].reason", org.hamcrest.Matchers.containsString("resectability not yet assessed"));
        given().auth().oauth2(SURGEON).contentType(ContentType.JSON).body(Map.of("assessment", "MAYBE", "reason", "x"))
                .post("/api/cases/" + caseId + "/resectability").then().statusCode(400).body("errors.field", contains("assessment"));
        given().auth().oauth2(SURGEON).contentType(ContentType.JSON).body(Map.of("assessment", "UNRESECTABLE"))
                .post("/api/cases/" + caseId + "/resectability").then().statusCode(400).body("errors.field", contains("reason"));
        given().auth().oauth2(NURSE_HUB).contentType(ContentType.JSON)
                .body(Map.of("assessment", "UNRESECTABLE", "reason", "SMA root encased"))
                .post("/api/cases/" + caseId + "/resectability").then().statusCode(403);
        given().auth().oauth2(SURGEON).contentType(ContentType.JSON)
                .body(Map.of("assessment", "UNRESECTABLE", "reason", "SMA root encased"))
                .post("/api/cases/" + caseId + "/resectability").then().statusCode(200)
                .body("resectability.assessment", equalTo("UNRESECTABLE"))
                .body("resectability.reason", equalTo("SMA root encased"))
                .body("resectability.assessedBy", equalTo("surgeon"))
                .body("suggestedOptions.option", contains("DEFINITIVE_RADIOTHERAPY_OR_SYSTEMIC", "CLINICAL_TRIAL"));

        given().auth().oauth2(SURGEON).contentType(ContentType.JSON)
                .body(Map.of("assessment", "RESECTABLE", "reason", "IVC abutment only"))
                .post("/api/cases/" + caseId + "/resectability").then().statusCode(200)
                .body("suggestedOptions[0].option", equalTo("UPFRONT_RESECTION"))
                .body("suggestedOptions[0].reason", not(org.hamcrest.Matchers.containsString("not yet assessed")));
        given().auth().oauth2(BoardFixtures.MEDONC).contentType(ContentType.JSON).body(Map.of("ecog", 5))
                .put("/api/cases/" + caseId + "/fitness").then().statusCode(400).body("errors.field", contains("ecog"));
        given().auth().oauth2(BoardFixtures.MEDONC).contentType(ContentType.JSON)
                .body(Map.of("ecog", 3, "comorbidities", List.of("heart failure NYHA III", "COPD")))
                .put("/api/cases/" + caseId + "/fitness").then().statusCode(200)
                .body("fitness.ecog", equalTo(3))
                .body("fitness.comorbidities", contains("heart failure NYHA III", "COPD"))
                .body("suggestedOptions.find { it.option == 'UPFRONT_RESECTION' }.reason",
                        org.hamcrest.Matchers.containsString("ECOG 3: major resection doubtful"));

        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.NON_SARCOMA_FLAGGED, caseId,
                new org.tumorboard.events.NonSarcomaFlagged(caseId, "b", List.of("histology: not sarcoma")), Instant.now()));
        TestEvents.await("off the pathway", 30_000, () -> "OFF_PATHWAY".equals(board(caseId).jsonPath().getString("phase")));
        given().auth().oauth2(SURGEON).contentType(ContentType.JSON).body(Map.of("assessment", "RESECTABLE", "reason", "x"))
                .post("/api/cases/" + caseId + "/resectability").then().statusCode(409).body("phase", equalTo("OFF_PATHWAY"));
    }

    /**
     * Issue 20, path 2: a distant metastasis found in surveillance brings the case back as metastatic, and it waits for
     * its recurrence staging (prefix r) before the board: the suggestions are systemic therapy or a trial, not resection.
     * A late staging of the primary does not stand in for it.
     */
    @Test
    void aDistantRecurrenceIsStagedBeforeItIsDiscussedAndSuggestsSystemicTherapy() {
        String caseId = decidedCase(em, "HUB", "UPFRONT_RESECTION");
        treatment(SURGEON, caseId, Map.of("type", "SURGERY", "date", today().toString())).then().statusCode(201);
        resection(caseId, "R0");
        TestEvents.await("in surveillance", 30_000, () -> "IN_SURVEILLANCE".equals(board(caseId).jsonPath().getString("phase")));
        visit(caseId, today(), "DISTANT_METASTASIS").then().statusCode(201);
        board(caseId).then().body("round", equalTo(2)).body("phase", equalTo("WAITING")).body("missing", contains("STAGING"))
                .body("suggestedOptions.option", contains("SYSTEMIC_THERAPY", "CLINICAL_TRIAL"));
        Instant t = Instant.now().plusSeconds(200);
        RecordMetadata oldAt = TopicWriter.send(Topics.STAGING, TestEvents.event(CaseEventTypes.CASE_STAGED, caseId,
                new org.tumorboard.events.CaseStaged(caseId, "p", "T4", "N0", "M0", "G2", "IIIB", "AJCC8_RETROPERITONEUM",
                        "LOCAL_AND_DISTANT", List.of("prefix")), t));
        TopicWriter.awaitConsumed("board-service", 30_000, oldAt);
        board(caseId).then().body("phase", equalTo("WAITING"));
        TopicWriter.send(Topics.STAGING, TestEvents.event(CaseEventTypes.CASE_STAGED, caseId,
                new org.tumorboard.events.CaseStaged(caseId, "r", "T4", "N0", "M1", "G2", "IV", "AJCC8_RETROPERITONEUM",
                        "LOCAL_AND_DISTANT", List.of("prefix", "metastasis")), t.plusSeconds(1)));
        TestEvents.await("back on the agenda", 30_000, () -> "SCHEDULED".equals(board(caseId).jsonPath().getString("phase")));
        board(caseId).then().body("suggestedOptions.option", contains("SYSTEMIC_THERAPY", "CLINICAL_TRIAL"));
    }

    /** Issue 20, path 2: a local recurrence suggests re-resection first, then radiotherapy or systemic therapy, or a trial. */
    @Test
    void aLocalRecurrenceSuggestsReResection() {
        String caseId = decidedCase(em, "HUB", "UPFRONT_RESECTION");
        treatment(SURGEON, caseId, Map.of("type", "SURGERY", "date", today().toString())).then().statusCode(201);
        resection(caseId, "R0");
        TestEvents.await("in surveillance", 30_000, () -> "IN_SURVEILLANCE".equals(board(caseId).jsonPath().getString("phase")));
        visit(caseId, today(), "LOCAL_RECURRENCE").then().statusCode(201);
        board(caseId).then().body("suggestedOptions.option", contains("UPFRONT_RESECTION", "DEFINITIVE_RADIOTHERAPY_OR_SYSTEMIC",
                "CLINICAL_TRIAL")).body("suggestedOptions[0].reason", org.hamcrest.Matchers.containsString("Local recurrence"));
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
