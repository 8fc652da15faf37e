package org.tumorboard.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * The audit trail every service keeps (issue #11): a clinical write is recorded with who, when, what, the case and the
 * outcome, in the write's own transaction; a refused write is recorded too and stores nothing; auditors filter by case,
 * user and time; no endpoint and no SQL statement changes or deletes a record. A service's test says how to make one
 * of its audited writes succeed and one be refused, and how many clinical facts it holds.
 */
public abstract class AuditTrailChecks {

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

    public static final String AUDITOR = Tokens.token("auditor-1", "HUB", "auditor");

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

    /** A request refused for the caller's role is on the trail too, though no use case ran (issue 24). */
    @Test
    void aRequestDeniedForTheCallersRoleIsRecorded() throws InterruptedException {
        String user = uniqueUser("denied");
        given().auth().oauth2(Tokens.token(user, "SPOKE-NORTH", "coordinator")).get("/api/audit").then().statusCode(403);
        // written off the event loop, after the answer
        for (int i = 0; i < 100 && given().auth().oauth2(AUDITOR).queryParam("user", user).get("/api/audit").jsonPath().getInt("total") == 0; i++) {
            Thread.sleep(100);
        }
        JsonPath record = onlyRecordOf(user);
        assertEquals("ACCESS_DENIED", record.getString("action"));
        assertEquals("DENIED", record.getString("outcome"));
        assertEquals(403, record.getInt("status"));
        assertEquals("GET", record.getString("method"));
        assertEquals("/api/audit", record.getString("path"));
        assertEquals("coordinator", record.getString("roles"));
        assertEquals("SPOKE-NORTH", record.getString("site"));
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
        sql("alter table audit_record add constraint audit_test_refuses check (actor <> '" + user + "')");
        try {
            Attempt a = write(user);
            assertEquals(500, a.status(), "the write fails with its audit record");
        } finally {
            sql("alter table audit_record drop constraint audit_test_refuses");
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
        sql("create function audit_test_refuse_commit() returns trigger language plpgsql as $$ begin"
                + " raise exception 'refused at commit by the test'; end $$");
        sql("create constraint trigger audit_test_refuse_commit after insert on " + writtenTable()
                + " deferrable initially deferred for each row execute function audit_test_refuse_commit()");
        try {
            Attempt a = write(user);
            assertEquals(500, a.status(), "the write fails at commit");
        } finally {
            sql("drop trigger audit_test_refuse_commit on " + writtenTable());
            sql("drop function audit_test_refuse_commit()");
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

    @Test
    void badFiltersAre400NamingTheParameter() {
        Map<String, Map<String, String>> bad = Map.of(
                "caseId", Map.of("caseId", "not-a-case"),
                "from", Map.of("from", "yesterday"),
                "to", Map.of("from", "2026-11-21", "to", "2026-11-20"),
                "size", Map.of("size", "0"),
                "page", Map.of("page", "-1"));
        bad.forEach((field, params) -> {
            int status = given().auth().oauth2(AUDITOR).queryParams(params).get("/api/audit").then().extract().statusCode();
            assertEquals(400, status, params.toString());
            given().auth().oauth2(AUDITOR).queryParams(params).get("/api/audit").then()
                    .contentType("application/problem+json").body("errors.field", contains(field));
        });
    }

    @Test
    void theTrailIsForAuditorsOnly() {
        given().get("/api/audit").then().statusCode(401);
        for (String role : List.of("coordinator", "pathologist", "board-member", "board-chair", "surgeon", "nurse", "operator")) {
            given().auth().oauth2(Tokens.token("not-an-auditor", "HUB", role)).get("/api/audit").then().statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    /** No endpoint changes or removes a record, and the database refuses to, whoever asks. */
    @Test
    void recordsCannotBeChangedOrDeleted() throws SQLException {
        String user = uniqueUser("immutable");
        write(user);
        Map<String, Object> record = recordOf(user);
        String id = (String) record.get("id");
        String operator = Tokens.token("ops", "HUB", "operator");
        for (String token : List.of(AUDITOR, operator)) {
            for (String path : List.of("/api/audit", "/api/audit/" + id)) {
                for (String method : List.of("PUT", "PATCH", "DELETE", "POST")) {
                    int status = given().auth().oauth2(token).contentType("application/json").body("{\"actor\":\"someone-else\"}")
                            .request(method, path).then().extract().statusCode();
                    assertTrue(status == 404 || status == 405, method + " " + path + " answered " + status);
                }
            }
        }
        for (String statement : List.of("update audit_record set actor = 'someone-else' where id = '" + id + "'",
                "delete from audit_record where id = '" + id + "'", "truncate audit_record")) {
            SQLException refused = assertThrows(SQLException.class, () -> sql(statement), statement);
            assertTrue(refused.getMessage().contains("audit records cannot be changed or deleted"), refused.getMessage());
        }
        assertEquals(record, recordOf(user), "the record is as it was");
    }

    protected static String uniqueUser(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static JsonPath onlyRecordOf(String user) {
        JsonPath page = given().auth().oauth2(AUDITOR).queryParam("user", user).get("/api/audit").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, page.getInt("total"), "exactly one record of " + user + ": " + page.prettify());
        return new JsonPath(page.prettify()).setRootPath("items[0]");
    }

    private static Map<String, Object> recordOf(String user) {
        onlyRecordOf(user);
        return given().auth().oauth2(AUDITOR).queryParam("user", user).get("/api/audit").then().statusCode(200)
                .extract().jsonPath().getMap("items[0]");
    }

    private static List<String> actors(Map<String, String> params) {
        return given().auth().oauth2(AUDITOR).queryParams(params).get("/api/audit").then().statusCode(200).extract().jsonPath()
                .getList("items.actor", String.class).stream().filter(u -> !u.startsWith("auditor")).distinct().toList();
    }

    /** One statement on the service's own database, as the service's database user. */
    protected static void sql(String statement) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** The number a {@code select count(*)} on the service's own database answers. */
    protected static long count(String query) {
        try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    private static Connection connection() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
