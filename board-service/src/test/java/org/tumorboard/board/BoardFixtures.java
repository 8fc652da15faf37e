package org.tumorboard.board;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.CaseReferred;
import org.tumorboard.events.CaseStaged;
import org.tumorboard.events.EventCodec;
import org.tumorboard.events.Sources;
import org.tumorboard.events.Topics;
import org.tumorboard.events.WorkupCompleted;
import org.tumorboard.testsupport.TestEvents;
import org.tumorboard.testsupport.Tokens;
import org.tumorboard.testsupport.TopicWriter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;

/** Board scenarios as the other services and the board's members drive them, for this module's tests. */
public final class BoardFixtures {

    public static final String CHAIR = Tokens.boardMember("chair", "HUB", "SURGERY", "board-chair", "board-member");
    public static final String SURGEON = Tokens.boardMember("surgeon", "HUB", "SURGERY", "surgeon", "board-member");
    public static final String RADIOLOGIST = Tokens.boardMember("radiologist", "HUB", "RADIOLOGY", "board-member");
    public static final String PATHOLOGIST = Tokens.boardMember("patho", "HUB", "PATHOLOGY", "pathologist", "board-member");
    public static final String MEDONC = Tokens.boardMember("medonc", "HUB", "MEDICAL_ONCOLOGY", "board-member");
    public static final String RADONC = Tokens.boardMember("radonc", "HUB", "RADIATION_ONCOLOGY", "board-member");
    public static final List<String> FIVE_DISCIPLINES = List.of(SURGEON, RADIOLOGIST, PATHOLOGIST, MEDONC, RADONC);

    private BoardFixtures() {
    }

    /** A case made ready by its events, delivered in reverse order and the staging twice. */
    public static String readyCase(EntityManager em, String site, Instant referredAt) {
        String caseId = TestEvents.newCaseId();
        Instant t = Instant.now();
        CaseEvent staged = TestEvents.event(CaseEventTypes.CASE_STAGED, caseId,
                new CaseStaged(caseId, "c", "T4", "N0", "M0", "G2", "IIIB", "AJCC8_RETROPERITONEUM", "LOCAL_AND_DISTANT", List.of("initial")),
                t.plusSeconds(3));
        TopicWriter.send(Topics.STAGING, staged);
        TopicWriter.send(Topics.STAGING, staged);
        TopicWriter.send(Topics.PATHOLOGY, TestEvents.event(CaseEventTypes.BIOPSY_REPORTED, caseId,
                new BiopsyReported(caseId, "b", 1, "DEDIFFERENTIATED_LIPOSARCOMA", "G2", 5, List.of()), t.plusSeconds(2)));
        TopicWriter.send(Topics.INTAKE, TestEvents.event(CaseEventTypes.WORKUP_COMPLETED, caseId, new WorkupCompleted(caseId, t), t.plusSeconds(1)));
        TopicWriter.send(Topics.INTAKE, referral(caseId, site, referredAt));
        TestEvents.await("case ready", 30_000, () -> {
            var response = given().auth().oauth2(CHAIR).get("/api/cases/" + caseId + "/board");
            return response.statusCode() == 200 && response.jsonPath().getBoolean("ready")
                    && site.equals(QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                            "select referring_site from board_case where case_id = '" + caseId + "'").getSingleResult()));
        });
        return caseId;
    }

    public static CaseEvent referral(String caseId, String site, Instant referredAt) {
        return CaseEvent.create(CaseEventTypes.CASE_REFERRED, Sources.INTAKE, caseId,
                new CaseReferred(caseId, site, referredAt, new BigDecimal("22.0"), false, false, true), referredAt, TestEvents.sequenceAt(referredAt));
    }

    /** Every meeting closed and one open a week ahead, the clock reset: cases go on that meeting. */
    public static void oneOpenMeeting(EntityManager em) {
        org.tumorboard.testsupport.MovableClock.reset();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update meeting set closed = true").executeUpdate());
        meeting(LocalDate.now().plusDays(7), 50);
    }

    public static String meeting(LocalDate date, int capacity) {
        return given().auth().oauth2(CHAIR).contentType(ContentType.JSON)
                .body(Map.of("date", date.toString(), "capacity", capacity))
                .post("/api/meetings").then().statusCode(201).extract().path("meetingId");
    }

    public static List<String> agendaCaseIds(String meetingId) {
        return given().auth().oauth2(CHAIR).get("/api/meetings/" + meetingId + "/agenda").then().statusCode(200)
                .extract().jsonPath().getList("cases.caseId");
    }

    public static io.restassured.response.Response board(String caseId) {
        return given().auth().oauth2(CHAIR).get("/api/cases/" + caseId + "/board");
    }

    public static io.restassured.response.Response vote(String token, String caseId, String option) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("option", option, "rationale", "rationale of " + memberOf(token)))
                .post("/api/cases/" + caseId + "/votes");
    }

    public static String memberOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return EventCodec.fromJson(payload, Map.class).get("preferred_username").toString();
    }

    public static io.restassured.response.Response decide(String caseId) {
        return given().auth().oauth2(CHAIR).post("/api/cases/" + caseId + "/decision");
    }


    /** A ready case, scheduled, voted by all five disciplines for the option, and decided. */
    public static String decidedCase(EntityManager em, String site, String option) {
        String caseId = readyCase(em, site, Instant.now().minus(java.time.Duration.ofDays(1)));
        TestEvents.await("scheduled", 30_000, () -> board(caseId).jsonPath().getString("meetingId") != null);
        for (String token : FIVE_DISCIPLINES) {
            vote(token, caseId, option).then().statusCode(201);
        }
        decide(caseId).then().statusCode(201);
        return caseId;
    }
}
