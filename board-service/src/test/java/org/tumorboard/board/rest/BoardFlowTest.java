package org.tumorboard.board.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tumorboard.board.BoardFixtures.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tumorboard.board.decision.rules.Concordance;
import org.tumorboard.events.BiopsyAmended;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.CaseReferred;
import org.tumorboard.events.CaseScheduled;
import org.tumorboard.events.CaseStaged;
import org.tumorboard.events.EventCodec;
import org.tumorboard.events.ImagingUpdated;
import org.tumorboard.events.NonSarcomaFlagged;
import org.tumorboard.events.PlanDecided;
import org.tumorboard.events.ReportAmended;
import org.tumorboard.events.ResectabilityImaging;
import org.tumorboard.events.ResectionReported;
import org.tumorboard.events.SarcomaDiagnosisRestored;
import org.tumorboard.events.Sources;
import org.tumorboard.events.Topics;
import org.tumorboard.events.WorkupCompleted;
import org.tumorboard.events.WorkupReopened;
import org.tumorboard.testsupport.AppliedEffects;
import org.tumorboard.testsupport.TestEvents;
import org.tumorboard.testsupport.Tokens;
import org.tumorboard.testsupport.TopicReader;
import org.tumorboard.testsupport.TopicWriter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The board from ready cases to decisions, on the real broker and database, with real tokens carrying disciplines. */
@QuarkusTest
class BoardFlowTest {

    @Inject
    EntityManager em;

    @BeforeEach
    void noOpenMeetings() {
        // Meetings are shared by every case: each test starts with none open, so placement is what the test sets up.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update meeting set closed = true").executeUpdate());
    }

    @Test
    void readyCasesWaitForAMeetingThenFillItOldestReferralFirstAndSpillOver() {
        Instant now = Instant.now();
        String oldest = readyCase(em, "SPOKE-NORTH", now.minus(3, ChronoUnit.DAYS));
        String middle = readyCase(em, "HUB", now.minus(2, ChronoUnit.DAYS));
        String newest = readyCase(em, "HUB", now.minus(1, ChronoUnit.DAYS));
        for (String caseId : List.of(oldest, middle, newest)) {
            board(caseId).then().body("ready", equalTo(true)).body("missing", empty()).body("meetingId", nullValue());
        }

        String first = meeting(LocalDate.now().plusDays(7), 2);
        assertEquals(List.of(oldest, middle), agendaCaseIds(first));
        board(newest).then().body("meetingId", nullValue());
        String second = meeting(LocalDate.now().plusDays(14), 5);
        assertEquals(List.of(newest), agendaCaseIds(second));

        List<ConsumerRecord<String, String>> scheduled = TopicReader.forCase(Topics.BOARD, oldest, 1, Duration.ofSeconds(30));
        CaseScheduled event = EventCodec.fromJson(scheduled.get(0).value(), CaseScheduled.class);
        assertEquals(first, event.meetingId());
        given().auth().oauth2(CHAIR).get("/api/meetings/" + first + "/agenda").then().statusCode(200)
                .body("cases[0].stageGroup", equalTo("IIIB"))
                .body("cases[0].histology", equalTo("DEDIFFERENTIATED_LIPOSARCOMA"))
                .body("cases[0].grade", equalTo("G2"))
                .body("cases[0].failurePattern", equalTo("LOCAL_AND_DISTANT"))
                .body("cases[0].daysSinceReferral", equalTo(3))
                .body("meeting.scheduled", equalTo(2));
        // A spoke user sees only its own site's line of the agenda, and counts only its own cases on it (issue 24).
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).get("/api/meetings/" + first + "/agenda").then()
                .body("cases.caseId", contains(oldest))
                .body("meeting.scheduled", equalTo(1));
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-SOUTH")).get("/api/meetings/" + first + "/agenda").then()
                .body("cases", empty())
                .body("meeting.scheduled", equalTo(0));
        String date = LocalDate.now().plusDays(7).toString();
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).queryParam("from", date).queryParam("to", date)
                .get("/api/meetings").then().statusCode(200)
                .body("find { it.meetingId == '" + first + "' }.scheduled", equalTo(1));
    }

    /**
     * The chair plans a meeting with its time and room, reschedules it (its cases stay on it), cannot shrink it below
     * its agenda (409 naming capacity) or move it into the past (400), and cancels it: closed, said so, and its
     * undecided case goes to another open meeting.
     */
    @Test
    void theChairPlansReschedulesAndCancelsAMeeting() {
        LocalDate day = LocalDate.now().plusDays(9);
        String meetingId = given().auth().oauth2(CHAIR).contentType(ContentType.JSON)
                .body(Map.of("date", day.toString(), "capacity", 1, "startTime", "08:30", "room", "Seminar room 2"))
                .post("/api/meetings").then().statusCode(201)
                .body("startTime", equalTo("08:30:00")).body("room", equalTo("Seminar room 2")).body("cancelled", equalTo(false))
                .extract().path("meetingId");
        String caseId = readyCase(em, "HUB", Instant.now().minus(2, ChronoUnit.DAYS));
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON).body(Map.of("meetingId", meetingId))
                .put("/api/cases/" + caseId + "/meeting").then().statusCode(200);
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON)
                .body(Map.of("date", day.plusDays(1).toString(), "capacity", 2, "startTime", "13:00", "room", "Room 4"))
                .put("/api/meetings/" + meetingId).then().statusCode(200)
                .body("date", equalTo(day.plusDays(1).toString())).body("startTime", equalTo("13:00:00"))
                .body("room", equalTo("Room 4")).body("scheduled", equalTo(1));
        // The case's services hear of the new date: a CaseScheduled with the meeting's new date.
        List<ConsumerRecord<String, String>> scheduled = TopicReader.read(Topics.BOARD, r -> caseId.equals(r.key())
                && CaseEventTypes.CASE_SCHEDULED.name().equals(TopicReader.header(r, "ce_type"))
                && EventCodec.fromJson(r.value(), org.tumorboard.events.CaseScheduled.class).meetingDate().equals(day.plusDays(1)),
                1, Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertEquals(1, scheduled.size());
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON).body(Map.of("date", day.toString(), "capacity", 0))
                .put("/api/meetings/" + meetingId).then().statusCode(400).body("errors.field", contains("capacity"));
        String other = readyCase(em, "HUB", Instant.now().minus(1, ChronoUnit.DAYS));
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON).body(Map.of("meetingId", meetingId))
                .put("/api/cases/" + other + "/meeting").then().statusCode(200);
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON).body(Map.of("date", day.toString(), "capacity", 1))
                .put("/api/meetings/" + meetingId).then().statusCode(409).body("errors.field", contains("capacity"));
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON)
                .body(Map.of("date", LocalDate.now().minusDays(1).toString(), "capacity", 5))
                .put("/api/meetings/" + meetingId).then().statusCode(400).body("errors.field", contains("date"));
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON).body(Map.of("date", day.toString(), "capacity", 5,
                "room", "Room\u0000"))
                .put("/api/meetings/" + meetingId).then().statusCode(400).body("errors.field", contains("room"));

        String next = meeting(day.plusDays(3), 10);
        given().auth().oauth2(CHAIR).post("/api/meetings/" + meetingId + "/cancel").then().statusCode(200)
                .body("closed", equalTo(true)).body("cancelled", equalTo(true));
        TestEvents.await("the cancelled meeting's case on another open meeting", 30_000, () -> {
            String now = board(caseId).jsonPath().getString("meetingId");
            return now != null && !now.equals(meetingId);
        });
        given().auth().oauth2(CHAIR).post("/api/meetings/" + meetingId + "/cancel").then().statusCode(409);
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON).body(Map.of("date", day.toString(), "capacity", 5))
                .put("/api/meetings/" + meetingId).then().statusCode(409);
        org.junit.jupiter.api.Assertions.assertNotNull(next);
    }

    @Test
    void votesFromFiveDisciplinesWithQuorumAndAStrictMajorityDecideWithDissentOnRecord() {
        String meetingId = meeting(LocalDate.now().plusDays(7), 10);
        String caseId = readyCase(em, "HUB", Instant.now().minus(1, ChronoUnit.DAYS));
        TestEvents.await("scheduled", 30_000, () -> meetingId.equals(board(caseId).jsonPath().getString("meetingId")));
        // "My cases to vote on": the scheduled case waits for each member's vote until that member has voted.
        given().auth().oauth2(SURGEON).get("/api/votes/pending").then().statusCode(200)
                .body("find { it.caseId == '" + caseId + "' }.meetingId", equalTo(meetingId));

        vote(SURGEON, caseId, "UPFRONT_RESECTION").then().statusCode(201);
        given().auth().oauth2(SURGEON).get("/api/votes/pending").then().statusCode(200)
                .body("caseId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(caseId)));
        given().auth().oauth2(RADIOLOGIST).get("/api/votes/pending").then().statusCode(200)
                .body("caseId", org.hamcrest.Matchers.hasItem(caseId));
        vote(RADIOLOGIST, caseId, "UPFRONT_RESECTION").then().statusCode(201);
        vote(PATHOLOGIST, caseId, "NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION").then().statusCode(201);
        vote(MEDONC, caseId, "NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION").then().statusCode(201);
        decide(caseId).then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("No quorum"))
                .body("missingDisciplines", contains("RADIATION_ONCOLOGY"));

        vote(RADONC, caseId, "CLINICAL_TRIAL").then().statusCode(201);
        decide(caseId).then().statusCode(409)
                .body("title", equalTo("No majority"))
                .body("counts.UPFRONT_RESECTION", equalTo(2))
                .body("counts.NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION", equalTo(2))
                .body("counts.CLINICAL_TRIAL", equalTo(1));

        // The radiation oncologist changes their vote: one vote per member, the latest counts.
        vote(RADONC, caseId, "UPFRONT_RESECTION").then().statusCode(201).body("votes", org.hamcrest.Matchers.hasSize(5));
        decide(caseId).then().statusCode(201)
                .body("option", equalTo("UPFRONT_RESECTION"))
                .body("votes.findAll { it.dissent }.member", containsInAnyOrder("patho", "medonc"))
                .body("votes.find { it.member == 'medonc' }.rationale", equalTo("rationale of medonc"));

        board(caseId).then().body("decision.option", equalTo("UPFRONT_RESECTION"));
        // Decided: no longer waiting for anyone's vote.
        given().auth().oauth2(RADIOLOGIST).get("/api/votes/pending").then().statusCode(200)
                .body("caseId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(caseId)));
        List<ConsumerRecord<String, String>> events = TopicReader.read(Topics.BOARD,
                r -> caseId.equals(r.key()) && CaseEventTypes.PLAN_DECIDED.name().equals(TopicReader.header(r, "ce_type")), 1,
                Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertEquals(1, events.size());
        // Issue 23: the event says how the round voted and which disciplines dissented for what, never who or why
        PlanDecided decided = EventCodec.fromJson(events.get(0).value(), PlanDecided.class);
        assertEquals(new PlanDecided.Votes(5, Map.of("UPFRONT_RESECTION", 3, "NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION", 2),
                List.of(new PlanDecided.Dissent("PATHOLOGY", "NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION"),
                        new PlanDecided.Dissent("MEDICAL_ONCOLOGY", "NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION"))),
                new PlanDecided.Votes(decided.votes().cast(), decided.votes().counts(), decided.votes().dissent().stream()
                        .sorted(java.util.Comparator.comparing(PlanDecided.Dissent::discipline).reversed()).toList()));
        org.junit.jupiter.api.Assertions.assertFalse(events.get(0).value().contains("rationale"), events.get(0).value());
        vote(SURGEON, caseId, "CLINICAL_TRIAL").then().statusCode(409);
        decide(caseId).then().statusCode(409);
    }

    @Test
    void badVotesAndMeetingsAreRefusedAndStoreNothing() {
        String notReady = TestEvents.newCaseId();
        TopicWriter.send(Topics.INTAKE, referral(notReady, "HUB", Instant.now()));
        TestEvents.await("case known", 30_000, () -> board(notReady).statusCode() == 200);
        long votes = count("vote");
        vote(SURGEON, notReady, "UPFRONT_RESECTION").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.token("nurse-hub", "HUB", "nurse")).contentType(ContentType.JSON)
                .body(Map.of("option", "UPFRONT_RESECTION", "rationale", "x"))
                .post("/api/cases/" + notReady + "/votes").then().statusCode(403);
        given().auth().oauth2(Tokens.token("member-without-discipline", "HUB", "board-member")).contentType(ContentType.JSON)
                .body(Map.of("option", "UPFRONT_RESECTION", "rationale", "x"))
                .post("/api/cases/" + notReady + "/votes").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(SURGEON).contentType(ContentType.JSON).body(Map.of("option", "SHELL_OUT", "rationale", "x"))
                .post("/api/cases/" + notReady + "/votes").then().statusCode(400).body("errors.field", contains("option"));
        given().auth().oauth2(SURGEON).contentType(ContentType.JSON).body(Map.of("option", "UPFRONT_RESECTION", "rationale", " "))
                .post("/api/cases/" + notReady + "/votes").then().statusCode(400).body("errors.field", contains("rationale"));
        decide(notReady).then().statusCode(409);
        assertEquals(votes, count("vote"));

        long meetings = count("meeting");
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON)
                .body(Map.of("date", LocalDate.now().minusDays(1).toString(), "capacity", 5))
                .post("/api/meetings").then().statusCode(400).body("errors.field", contains("date"));
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON)
                .body(Map.of("date", LocalDate.now().plusDays(1).toString(), "capacity", 0))
                .post("/api/meetings").then().statusCode(400).body("errors.field", contains("capacity"));
        given().auth().oauth2(SURGEON).contentType(ContentType.JSON)
                .body(Map.of("date", LocalDate.now().plusDays(1).toString(), "capacity", 5))
                .post("/api/meetings").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("date", LocalDate.now().plusDays(1).toString(), "capacity", 5))
                .post("/api/meetings").then().statusCode(401);
        assertEquals(meetings, count("meeting"));
    }

    @Test
    void closingAMeetingMovesItsUndecidedCasesToTheNextOne() {
        String first = meeting(LocalDate.now().plusDays(1), 5);
        String caseId = readyCase(em, "HUB", Instant.now().minus(1, ChronoUnit.DAYS));
        TestEvents.await("scheduled", 30_000, () -> first.equals(board(caseId).jsonPath().getString("meetingId")));
        String next = meeting(LocalDate.now().plusDays(8), 5);
        given().auth().oauth2(CHAIR).post("/api/meetings/" + first + "/close").then().statusCode(200).body("closed", equalTo(true));
        board(caseId).then().body("meetingId", equalTo(next));
        given().auth().oauth2(CHAIR).post("/api/meetings/" + first + "/close").then().statusCode(409);
    }

    @Test
    void aNonSarcomaFlagTakesTheCaseOffTheAgendaWithItsReason() {
        String meetingId = meeting(LocalDate.now().plusDays(7), 10);
        String caseId = readyCase(em, "HUB", Instant.now().minus(1, ChronoUnit.DAYS));
        TestEvents.await("scheduled", 30_000, () -> meetingId.equals(board(caseId).jsonPath().getString("meetingId")));
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.NON_SARCOMA_FLAGGED, caseId,
                new NonSarcomaFlagged(caseId, "r", List.of("CD45 positive: lymphoma")), Instant.now()));
        TestEvents.await("off the agenda", 30_000, () -> board(caseId).jsonPath().getString("meetingId") == null);
        board(caseId).then()
                .body("ready", equalTo(false))
                .body("missing", contains("NOT_SARCOMA"))
                .body("notSarcomaReason", equalTo("CD45 positive: lymphoma"))
                .body("suggestedOptions.option", contains("NON_SARCOMA_PATHWAY"));
    }

    /** Issue 19, item 1: the pathologist amends the not-sarcoma histology back to a sarcoma; the case returns to the board. */
    @Test
    void aNonSarcomaAmendedBackToASarcomaReturnsToTheAgendaWithItsDiscordance() {
        String meetingId = meeting(LocalDate.now().plusDays(7), 10);
        String caseId = readyCase(em, "HUB", Instant.now().minus(1, ChronoUnit.DAYS));
        TestEvents.await("scheduled", 30_000, () -> meetingId.equals(board(caseId).jsonPath().getString("meetingId")));
        Instant t = Instant.now();
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.NON_SARCOMA_FLAGGED, caseId,
                new NonSarcomaFlagged(caseId, "b", List.of("histology: not sarcoma")), t));
        TestEvents.await("off the agenda", 30_000, () -> board(caseId).jsonPath().getString("meetingId") == null);

        CaseEvent restored = TestEvents.event(CaseEventTypes.SARCOMA_DIAGNOSIS_RESTORED, caseId,
                new SarcomaDiagnosisRestored(caseId, "b", 3, "LEIOMYOSARCOMA"), t.plusSeconds(10));
        TopicWriter.send(Topics.PATHOLOGY, restored);
        TopicWriter.send(Topics.PATHOLOGY, restored);
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.BIOPSY_AMENDED, caseId,
                new BiopsyAmended(caseId, "b", 3, "LEIOMYOSARCOMA", "G3", 6,
                        List.of("CARCINOMA_MARKER_POSITIVE", "SARCOMA_WITH_NON_SARCOMA_MARKER")), t.plusSeconds(10)));
        TestEvents.await("back on the agenda", 30_000, () -> meetingId.equals(board(caseId).jsonPath().getString("meetingId")));
        TestEvents.await("the discordance on the board's view", 30_000,
                () -> board(caseId).jsonPath().getList("alerts").contains("SARCOMA_WITH_NON_SARCOMA_MARKER"));
        board(caseId).then()
                .body("ready", equalTo(true))
                .body("notSarcomaReason", nullValue())
                .body("suggestedOptions.option", not(hasItem("NON_SARCOMA_PATHWAY")));
        given().auth().oauth2(CHAIR).get("/api/meetings/" + meetingId + "/agenda").then().statusCode(200)
                .body("cases.find { it.caseId == '" + caseId + "' }.alerts", hasItem("SARCOMA_WITH_NON_SARCOMA_MARKER"));
        assertEquals(1, AppliedEffects.committed(restored.id()));
    }

    /** Issue 19, item 6: intake reopens the work-up for a chest CT; the case leaves the agenda until it is complete again. */
    @Test
    void reopenedWorkupTakesAnUndecidedCaseOffTheAgendaUntilTheChestCt() {
        String meetingId = meeting(LocalDate.now().plusDays(7), 10);
        String caseId = readyCase(em, "HUB", Instant.now().minus(1, ChronoUnit.DAYS));
        TestEvents.await("scheduled", 30_000, () -> meetingId.equals(board(caseId).jsonPath().getString("meetingId")));
        Instant t = Instant.now();
        CaseEvent reopened = TestEvents.event(CaseEventTypes.WORKUP_REOPENED, caseId,
                new WorkupReopened(caseId, List.of("CHEST_CT"), "G3", t), t);
        TopicWriter.send(Topics.INTAKE, reopened);
        TopicWriter.send(Topics.INTAKE, reopened);
        TestEvents.await("off the agenda", 30_000, () -> board(caseId).jsonPath().getString("meetingId") == null);
        board(caseId).then().body("ready", equalTo(false)).body("missing", contains("WORKUP", "CHEST_CT"));

        TopicWriter.send(Topics.INTAKE, TestEvents.event(CaseEventTypes.WORKUP_COMPLETED, caseId, new WorkupCompleted(caseId, t),
                t.plusSeconds(5)));
        TestEvents.await("back on the agenda", 30_000, () -> meetingId.equals(board(caseId).jsonPath().getString("meetingId")));
        board(caseId).then().body("ready", equalTo(true)).body("missing", empty());
        assertEquals(1, AppliedEffects.committed(reopened.id()));
    }

    @Test
    void anAmendedGradeAfterTheDecisionBringsTheCaseBackForANewRound() {
        meeting(LocalDate.now().plusDays(7), 10);
        String caseId = readyCase(em, "HUB", Instant.now().minus(1, ChronoUnit.DAYS));
        TestEvents.await("scheduled", 30_000, () -> board(caseId).jsonPath().getString("meetingId") != null);
        for (String token : List.of(SURGEON, RADIOLOGIST, PATHOLOGIST, MEDONC, RADONC)) {
            vote(token, caseId, "UPFRONT_RESECTION").then().statusCode(201);
        }
        decide(caseId).then().statusCode(201);

        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.REPORT_AMENDED, caseId,
                new ReportAmended(caseId, "b", 2, "BIOPSY", "DEDIFFERENTIATED_LIPOSARCOMA", "G3"), Instant.now().plusSeconds(60)));
        TestEvents.await("round 2", 30_000, () -> board(caseId).jsonPath().getInt("round") == 2);
        JsonPath view = board(caseId).jsonPath();
        assertEquals(0, view.getList("votes").size(), "a new round starts without votes");
        assertEquals((Object) null, view.get("decision"));
        TestEvents.await("back on an agenda", 30_000, () -> board(caseId).jsonPath().getString("meetingId") != null);
        assertEquals(5, count("vote where case_id = '" + caseId + "' and discussion_round = 1"), "the first round stays on record");
    }

    @Test
    void theChairMovesACaseAndReopensADecidedOne() {
        String first = meeting(LocalDate.now().plusDays(3), 5);
        String caseId = readyCase(em, "HUB", Instant.now().minus(1, ChronoUnit.DAYS));
        TestEvents.await("scheduled", 30_000, () -> first.equals(board(caseId).jsonPath().getString("meetingId")));
        String later = meeting(LocalDate.now().plusDays(10), 1);
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON).body(Map.of("meetingId", later))
                .put("/api/cases/" + caseId + "/meeting").then().statusCode(200).body("meetingId", equalTo(later));
        String other = readyCase(em, "HUB", Instant.now().minus(2, ChronoUnit.DAYS));
        TestEvents.await("other scheduled", 30_000, () -> first.equals(board(other).jsonPath().getString("meetingId")));
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON).body(Map.of("meetingId", later))
                .put("/api/cases/" + other + "/meeting").then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("full"));
        given().auth().oauth2(SURGEON).contentType(ContentType.JSON).body(Map.of("meetingId", first))
                .put("/api/cases/" + caseId + "/meeting").then().statusCode(403);

        given().auth().oauth2(CHAIR).contentType(ContentType.JSON).body(Map.of("reason", "new imaging"))
                .post("/api/cases/" + caseId + "/reopen").then().statusCode(409);
        for (String token : List.of(SURGEON, RADIOLOGIST, PATHOLOGIST, MEDONC, RADONC)) {
            vote(token, caseId, "NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION").then().statusCode(201);
        }
        decide(caseId).then().statusCode(201);
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/api/cases/" + caseId + "/reopen").then().statusCode(400).body("errors.field", contains("reason"));
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON).body(Map.of("reason", "new imaging shows vessel involvement"))
                .post("/api/cases/" + caseId + "/reopen").then().statusCode(200)
                .body("round", equalTo(2)).body("decision", nullValue()).body("votes", empty());
    }

    @Test
    void theChairCanRecordWhyNoBiopsyIsNeededAndTheCaseBecomesReady() {
        String meetingId = meeting(LocalDate.now().plusDays(7), 10);
        String caseId = TestEvents.newCaseId();
        Instant t = Instant.now();
        TopicWriter.send(Topics.INTAKE, referral(caseId, "HUB", t.minus(1, ChronoUnit.DAYS)));
        TopicWriter.send(Topics.INTAKE, TestEvents.event(CaseEventTypes.WORKUP_COMPLETED, caseId, new WorkupCompleted(caseId, t), t));
        TopicWriter.send(Topics.STAGING, TestEvents.event(CaseEventTypes.CASE_STAGED, caseId,
                new CaseStaged(caseId, "c", "T2", "N0", "M0", "GX", "IB"), t.plusSeconds(1)));
        TestEvents.await("waiting for the biopsy only", 30_000, () -> board(caseId).statusCode() == 200
                && board(caseId).jsonPath().getList("missing").equals(List.of("BIOPSY_REPORT")));

        given().auth().oauth2(SURGEON).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/cases/" + caseId + "/biopsy-waiver").then().statusCode(403);
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON).body(Map.of("reason", ""))
                .post("/api/cases/" + caseId + "/biopsy-waiver").then().statusCode(400).body("errors.field", contains("reason"));
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON)
                .body(Map.of("reason", "imaging typical of well-differentiated liposarcoma; no neoadjuvant therapy considered"))
                .post("/api/cases/" + caseId + "/biopsy-waiver").then().statusCode(200)
                .body("ready", equalTo(true))
                .body("meetingId", equalTo(meetingId))
                .body("suggestedOptions[0].reason", org.hamcrest.Matchers.containsString("histology unknown (biopsy waived)"));
        // Issue 20, path 5: the waiver is published once (staging grades the case GX, pathology's worklist lets it go).
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON).body(Map.of("reason", "reason restated"))
                .post("/api/cases/" + caseId + "/biopsy-waiver").then().statusCode(200);
        assertEquals(1, TopicReader.read(Topics.BOARD, r -> caseId.equals(r.key())
                && CaseEventTypes.BIOPSY_WAIVED.name().equals(TopicReader.header(r, "ce_type")), 1,
                Duration.ofSeconds(30), Duration.ofSeconds(2)).size());
    }

    /**
     * Issue 20, path 1: a discordance that arrives after the decision (same histology and grade, a new alert) flags the
     * decision for the chair's review on the board's view and the agenda; a late older report does not clear it; a new
     * round does.
     */
    @Test
    void aDiscordanceAfterTheDecisionIsFlaggedForTheChair() {
        oneOpenMeeting(em);
        String caseId = decidedCase(em, "HUB", "UPFRONT_RESECTION");
        String meetingId = board(caseId).jsonPath().getString("meetingId");
        Instant t = Instant.now().plusSeconds(60);
        CaseEvent amended = TestEvents.event(CaseEventTypes.BIOPSY_AMENDED, caseId, new BiopsyAmended(caseId, "b", 2,
                "DEDIFFERENTIATED_LIPOSARCOMA", "G2", 5, List.of("SARCOMA_WITH_NON_SARCOMA_MARKER")), t);
        TopicWriter.send(Topics.PATHOLOGY, amended);
        TopicWriter.send(Topics.PATHOLOGY, amended);
        TestEvents.await("flagged", 30_000, () -> board(caseId).jsonPath().getString("chairReview") != null);
        board(caseId).then().body("round", equalTo(1)).body("decision.option", equalTo("UPFRONT_RESECTION"))
                .body("chairReview", org.hamcrest.Matchers.containsString("SARCOMA_WITH_NON_SARCOMA_MARKER"));
        given().auth().oauth2(CHAIR).get("/api/meetings/" + meetingId + "/agenda").then().statusCode(200)
                .body("cases.find { it.caseId == '" + caseId + "' }.chairReview",
                        org.hamcrest.Matchers.containsString("SARCOMA_WITH_NON_SARCOMA_MARKER"));
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON).body(Map.of("reason", "review the discordance"))
                .post("/api/cases/" + caseId + "/reopen").then().statusCode(200).body("chairReview", nullValue());
    }

    /** Issue 20, path 5: a biopsy indicated by intake (neoadjuvant therapy considered, a non-sarcoma suspected) is not waived. */
    @Test
    void aBiopsyThatIsIndicatedIsNotWaived() {
        String caseId = TestEvents.newCaseId();
        Instant t = Instant.now();
        CaseEvent referred = CaseEvent.create(CaseEventTypes.CASE_REFERRED, Sources.INTAKE, caseId, new CaseReferred(caseId, "HUB",
                t, new BigDecimal("22.0"), false, false, true, true, null, true), t, TestEvents.sequenceAt(t));
        TopicWriter.send(Topics.INTAKE, referred);
        TestEvents.await("referred", 30_000, () -> board(caseId).statusCode() == 200);
        given().auth().oauth2(CHAIR).contentType(ContentType.JSON).body(Map.of("reason", "looks like a liposarcoma"))
                .post("/api/cases/" + caseId + "/biopsy-waiver").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("a biopsy is indicated"));
        assertEquals(0, count("outbox_event where subject = '" + caseId + "'"));
    }

    private long count(String fromWhere) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from " + fromWhere).getSingleResult()).longValue());
    }

    /**
     * Issue 19, items 7 and 8: the imaging findings resectability depends on show on the board's view; a WDLPS biopsy of
     * a tumour with a solid enhancing component is flagged on the view and the agenda; a later imaging update without
     * it clears the flag, a late copy of the older imaging does not bring it back, and a specimen found dedifferentiated
     * has no such discordance.
     */
    @Test
    void imagingFindingsShowOnTheBoardAndAWdlpsWithASolidComponentIsFlagged() {
        String caseId = TestEvents.newCaseId();
        Instant t = Instant.now();
        ResectabilityImaging solid = new ResectabilityImaging(true, List.of(new ResectabilityImaging.Vessel("IVC", "ABUTMENT")),
                List.of("KIDNEY_RIGHT"));
        CaseEvent referred = CaseEvent.create(CaseEventTypes.CASE_REFERRED, Sources.INTAKE, caseId, new CaseReferred(caseId, "HUB",
                t, new BigDecimal("22.0"), false, false, false, true, solid), t, TestEvents.sequenceAt(t));
        TopicWriter.send(Topics.INTAKE, referred);
        TopicWriter.send(Topics.INTAKE, referred);
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "b", 1, "WELL_DIFFERENTIATED_LIPOSARCOMA", "G1", 3, List.of()), t.plusSeconds(10)));
        TestEvents.await("flagged", 30_000, () -> board(caseId).jsonPath().getList("alerts")
                .contains(Concordance.WDLPS_WITH_SOLID_ENHANCING_COMPONENT));
        board(caseId).then()
                .body("imaging.solidEnhancingComponent", equalTo(true))
                .body("imaging.vesselInvolvement.vessel", contains("IVC"))
                .body("imaging.vesselInvolvement.extent", contains("ABUTMENT"))
                .body("imaging.organsAbutted", contains("KIDNEY_RIGHT"));

        TopicWriter.send(Topics.INTAKE, TestEvents.event(CaseEventTypes.IMAGING_UPDATED, caseId, new ImagingUpdated(caseId,
                new BigDecimal("22.0"), false, false, List.of(), new ResectabilityImaging(false, List.of(), List.of())),
                t.plusSeconds(20)));
        TestEvents.await("cleared", 30_000, () -> !board(caseId).jsonPath().getList("alerts")
                .contains(Concordance.WDLPS_WITH_SOLID_ENHANCING_COMPONENT));
        RecordMetadata lateAt = TopicWriter.send(Topics.INTAKE, referred);
        TopicWriter.awaitConsumed("board-service", 30_000, lateAt);
        board(caseId).then().body("alerts", not(hasItem(Concordance.WDLPS_WITH_SOLID_ENHANCING_COMPONENT)))
                .body("imaging.vesselInvolvement", org.hamcrest.Matchers.empty());

        // The solid component back on imaging, then the specimen found dedifferentiated: no discordance left.
        TopicWriter.send(Topics.INTAKE, TestEvents.event(CaseEventTypes.IMAGING_UPDATED, caseId, new ImagingUpdated(caseId,
                new BigDecimal("22.0"), false, false, List.of(), solid), t.plusSeconds(30)));
        TestEvents.await("flagged again", 30_000, () -> board(caseId).jsonPath().getList("alerts")
                .contains(Concordance.WDLPS_WITH_SOLID_ENHANCING_COMPONENT));
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.RESECTION_REPORTED, caseId, new ResectionReported(caseId,
                "rs", 1, "R1", new BigDecimal("22.0"), 0, 0, new BigDecimal("0.669"), "DEDIFFERENTIATED_LIPOSARCOMA", "G3", null,
                List.of()), t.plusSeconds(40)));
        TestEvents.await("specimen governs", 30_000, () -> !board(caseId).jsonPath().getList("alerts")
                .contains(Concordance.WDLPS_WITH_SOLID_ENHANCING_COMPONENT));
    }
}
