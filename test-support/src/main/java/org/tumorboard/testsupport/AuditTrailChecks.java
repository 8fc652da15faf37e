package org.tumorboard.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * The audit trail every service keeps (issue #11): a clinical write is recorded with who, when, what, the case and the
 * outcome, in the write's own transaction; a refused write is recorded too and stores nothing; auditors filter by case,
 * user and time; no endpoint and no SQL statement changes or deletes a record. A service's test says how to make one
 * of its audited writes succeed and one be refused, and how many clinical facts it holds.
 */
public abstract class AuditTrailChecks extends AuditTrailBasics {

    /** What an audited call should leave on the trail; {@code status} is what the service answered. */
    public record Attempt(String caseId, String action, String method, String path, String role, String site, int status) {
    }

    /** Makes one audited write as {@code user} that succeeds. */
    protected abstract Attempt write(String user);

    /** Sets up what {@link #refused} needs (a case to try it on, say), before the facts are counted. */
    protected String prepareRefused() {
        return null;
    }

    /**
     * Makes one audited write as {@code user} that the service refuses after reading it (404, 409, 400...), with what
     * {@link #prepareRefused} answered.
     */
    protected abstract Attempt refused(String user, String prepared);

    /** A table {@link #write} inserts a row into. */
    protected abstract String writtenTable();

    /** How many clinical facts of the kind {@link #write} stores the service holds (rows of its main table). */
    protected abstract long facts();

    /** A service with audited writes: its audited call is one of them. */
    @Override
    protected final void audited(String user) {
        write(user);
    }

    @Test
    void aWriteIsRecordedWithWhoWhenWhatTheCaseAndTheOutcome() {
        String user = uniqueUser("writer");
        Instant before = Instant.now();
        Attempt a = write(user);
        Instant after = Instant.now();
        assertTrue(a.status() >= 200 && a.status() < 300, "the write succeeds: " + a);
        JsonPath record = onlyRecordOf(user);
        assertEquals(user, record.getString("actor"));
        assertTrue(List.of(record.getString("roles").split(",")).contains(a.role()), record.getString("roles"));
        assertEquals(a.site(), record.getString("site"));
        assertEquals(a.action(), record.getString("action"));
        assertEquals(a.method(), record.getString("method"));
        assertEquals(a.path(), record.getString("path"));
        assertEquals(a.caseId(), record.getString("caseId"));
        assertEquals("SUCCESS", record.getString("outcome"));
        assertEquals(a.status(), record.getInt("status"));
        Instant at = Instant.parse(record.getString("recordedAt"));
        assertFalse(at.isBefore(before.minusSeconds(1)) || at.isAfter(after.plusSeconds(1)), "recorded at " + at);
    }

    @Test
    void aRefusedWriteIsRecordedWithItsOutcomeAndStoresNothing() {
        String user = uniqueUser("refused");
        String prepared = prepareRefused();
        long factsBefore = facts();
        Attempt a = refused(user, prepared);
        assertTrue(a.status() >= 400 && a.status() < 500, "the write is refused: " + a);
        assertEquals(factsBefore, facts(), "a refused write stores nothing");
        JsonPath record = onlyRecordOf(user);
        assertEquals(a.action(), record.getString("action"));
        assertEquals(a.caseId(), record.getString("caseId"));
        assertEquals(a.status(), record.getInt("status"));
        assertNotEquals("SUCCESS", record.getString("outcome"));
        assertNotNull(record.getString("detail"), "the problem's title");
    }

    /**
     * The record is written in the write's transaction: when it cannot be written (a constraint added for the test
     * refuses this one user), the write does not happen either.
     */
    @Test
    void aWriteWhoseRecordCannotBeWrittenDoesNotHappen() throws SQLException {
        String user = uniqueUser("unrecordable");
        long factsBefore = facts();
        SchemaOwner.sql("alter table audit_record add constraint audit_test_refuses check (actor <> '" + user + "')");
        try {
            Attempt a = write(user);
            assertEquals(500, a.status(), "the write fails with its audit record");
        } finally {
            SchemaOwner.sql("alter table audit_record drop constraint audit_test_refuses");
        }
        assertEquals(factsBefore, facts(), "no write without its audit record");
        given().auth().oauth2(AUDITOR).queryParam("user", user).get("/api/audit").then().statusCode(200).body("total", org.hamcrest.Matchers.is(0));
    }

    /**
     * And the other way round: a write that fails at commit (a deferred trigger added for the test refuses every row
     * of the table the write inserts into) leaves no record either; a record written in a transaction of its own
     * would stay behind saying the write succeeded.
     */
    @Test
    void aWriteThatFailsAtCommitLeavesNoRecord() throws SQLException {
        String user = uniqueUser("rolled-back");
        long factsBefore = facts();
        SchemaOwner.sql("create function audit_test_refuse_commit() returns trigger language plpgsql as $$ begin"
                + " raise exception 'refused at commit by the test'; end $$");
        SchemaOwner.sql("create constraint trigger audit_test_refuse_commit after insert on " + writtenTable()
                + " deferrable initially deferred for each row execute function audit_test_refuse_commit()");
        try {
            Attempt a = write(user);
            assertEquals(500, a.status(), "the write fails at commit");
        } finally {
            SchemaOwner.sql("drop trigger audit_test_refuse_commit on " + writtenTable());
            SchemaOwner.sql("drop function audit_test_refuse_commit()");
        }
        assertEquals(factsBefore, facts(), "nothing written");
        given().auth().oauth2(AUDITOR).queryParam("user", user).get("/api/audit").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.is(0));
    }

    @Test
    void auditorsFilterByCaseUserAndTime() throws InterruptedException {
        String first = uniqueUser("first");
        String second = uniqueUser("second");
        Attempt a = write(first);
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        Attempt b = write(second);

        assertEquals(List.of(first), actors(Map.of("user", first)));
        assertEquals(List.of(second), actors(Map.of("user", second, "from", between.toString())));
        assertEquals(List.of(), actors(Map.of("user", first, "from", between.toString())));
        assertEquals(List.of(first), actors(Map.of("user", first, "to", between.toString())));
        assertEquals(List.of(), actors(Map.of("user", second, "to", between.toString())));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertEquals(List.of(first), actors(Map.of("user", first, "from", today, "to", today)));
        assertEquals(List.of(), actors(Map.of("user", first, "to", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())));
        if (a.caseId() != null) {
            List<String> ofCase = actors(Map.of("caseId", a.caseId()));
            assertTrue(ofCase.contains(first), ofCase.toString());
            assertEquals(a.caseId().equals(b.caseId()), ofCase.contains(second), ofCase.toString());
        }
    }

    private static List<String> actors(Map<String, String> params) {
        return given().auth().oauth2(AUDITOR).queryParams(params).get("/api/audit").then().statusCode(200).extract().jsonPath()
                .getList("items.actor", String.class).stream().filter(u -> !u.startsWith("auditor")).distinct().toList();
    }

}
