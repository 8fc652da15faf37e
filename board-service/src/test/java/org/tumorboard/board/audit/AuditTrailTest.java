package org.tumorboard.board.audit;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.tumorboard.board.BoardFixtures;
import org.tumorboard.testsupport.AuditTrailChecks;
import org.tumorboard.testsupport.TestEvents;
import org.tumorboard.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** board-service's audit trail: votes, decisions, waivers, moves, treatments, visits and meetings (here, votes and decisions). */
@QuarkusTest
class AuditTrailTest extends AuditTrailChecks {

    @Inject
    EntityManager em;

    /** One scheduled case takes every vote of these tests: each writer is another surgeon. */
    private static String scheduledCase;

    @Override
    protected Attempt write(String user) {
        String caseId = scheduledCase();
        int status = BoardFixtures.vote(Tokens.boardMember(user, "HUB", "SURGERY", "board-member"), caseId, "UPFRONT_RESECTION")
                .then().extract().statusCode();
        return new Attempt(caseId, "VOTE", "POST", "/api/cases/" + caseId + "/votes", "board-member", "HUB", status);
    }

    @Override
    protected String prepareRefused() {
        return scheduledCase();
    }

    /** The chair deciding before the five disciplines have voted: 409, on the record. */
    @Override
    protected Attempt refused(String user, String caseId) {
        int status = given().auth().oauth2(Tokens.boardMember(user, "HUB", "SURGERY", "board-chair", "board-member"))
                .post("/api/cases/" + caseId + "/decision").then().extract().statusCode();
        return new Attempt(caseId, "DECISION", "POST", "/api/cases/" + caseId + "/decision", "board-chair", "HUB", status);
    }

    @Override
    protected String writtenTable() {
        return "vote";
    }

    @Override
    protected long facts() {
        return count("select count(*) from vote") + count("select count(*) from decision");
    }

    @Test
    void aMeetingCreatedByTheChairIsOnTheRecordWithoutACase() {
        String chair = uniqueUser("chair");
        given().auth().oauth2(Tokens.boardMember(chair, "HUB", "SURGERY", "board-chair", "board-member")).contentType("application/json")
                .body(java.util.Map.of("date", LocalDate.now().plusDays(14).toString(), "capacity", 10)).post("/api/meetings")
                .then().statusCode(201);
        JsonPath record = onlyRecordOf(chair);
        assertEquals("MEETING_CREATE", record.getString("action"));
        assertEquals("SUCCESS", record.getString("outcome"));
        assertEquals(201, record.getInt("status"));
        assertEquals(null, record.getString("caseId"));
    }

    private String scheduledCase() {
        if (scheduledCase == null) {
            BoardFixtures.meeting(LocalDate.now().plusDays(7), 50);
            String caseId = BoardFixtures.readyCase(em, "HUB", Instant.now().minusSeconds(86_400));
            TestEvents.await("scheduled", 30_000, () -> BoardFixtures.board(caseId).jsonPath().getString("meetingId") != null);
            scheduledCase = caseId;
        }
        return scheduledCase;
    }
}
