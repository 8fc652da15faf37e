package org.tumorboard.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
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

    /**
     * A user in two sites, or in a site the network does not know, is refused wherever their role would let them through,
     * and the refusal is on the trail with every site the token carried (issue 24, item 3).
     */
    @Test
    void aTokenWithTwoSitesOrAnUnknownSiteIsRefusedAndRecorded() throws InterruptedException {
        String twoSites = uniqueUser("two-sites");
        given().auth().oauth2(Tokens.withSites(twoSites, List.of("HUB", "SPOKE-NORTH"), "auditor")).get("/api/audit").then()
                .statusCode(403).contentType("application/problem+json").body("detail", containsString("more than one site"));
        String unknown = uniqueUser("unknown-site");
        given().auth().oauth2(Tokens.token(unknown, "SPOKE-ATLANTIS", "auditor")).get("/api/audit").then()
                .statusCode(403).contentType("application/problem+json").body("detail", containsString("not a site of this network"));
        given().auth().oauth2(Tokens.withSites(uniqueUser("one-site"), List.of("HUB", "HUB"), "auditor")).get("/api/audit").then()
                .statusCode(200);
        for (String user : List.of(twoSites, unknown)) {
            for (int i = 0; i < 100 && given().auth().oauth2(AUDITOR).queryParam("user", user).get("/api/audit").jsonPath().getInt("total") == 0; i++) {
                Thread.sleep(100);
            }
        }
        JsonPath two = onlyRecordOf(twoSites);
        assertEquals("ACCESS_DENIED", two.getString("action"));
        assertEquals(403, two.getInt("status"));
        assertEquals("HUB,SPOKE-NORTH", two.getString("site"));
        assertTrue(two.getString("detail").contains("more than one site"), two.getString("detail"));
        JsonPath atlantis = onlyRecordOf(unknown);
        assertEquals("ACCESS_DENIED", atlantis.getString("action"));
        assertEquals("SPOKE-ATLANTIS", atlantis.getString("site"));
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
            // the service's role has no such privilege (issue 24); the triggers refuse even the schema's owner
            SQLException refused = assertThrows(SQLException.class, () -> sql(statement), statement);
            assertEquals("42501", refused.getSQLState(), statement + ": " + refused.getMessage());
            SQLException refusedToOwner = assertThrows(SQLException.class, () -> SchemaOwner.sql(statement), statement);
            assertTrue(refusedToOwner.getMessage().contains("audit records cannot be changed or deleted"), refusedToOwner.getMessage());
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

    /**
     * Issue 24, item 5: the service's role may read and add audit records, and nothing else: not change or remove one,
     * not drop or disable the triggers that keep the trail append-only, not drop the table or make another; the
     * schema's owner, whose credentials only the migrations use, can.
     */
    @Test
    void theServicesRoleMayOnlyInsertAndReadAuditRecords() throws SQLException {
        var config = ConfigProvider.getConfig();
        String role = config.getValue("quarkus.datasource.username", String.class);
        assertNotEquals(config.getValue("quarkus.flyway.username", String.class), role, "the migrations run as another role");
        try (Connection c = connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select (select rolsuper from pg_roles where rolname = current_user), has_table_privilege(current_user, 'audit_record', 'select'),"
                        + " has_table_privilege(current_user, 'audit_record', 'insert'),"
                        + " has_table_privilege(current_user, 'audit_record', 'update, delete, truncate, references, trigger'),"
                        + " pg_get_userbyid(relowner) = current_user from pg_class where relname = 'audit_record'")) {
            assertTrue(rs.next());
            assertFalse(rs.getBoolean(1), "the service's role is no superuser");
            assertTrue(rs.getBoolean(2), "it reads the trail");
            assertTrue(rs.getBoolean(3), "it adds to the trail");
            assertFalse(rs.getBoolean(4), "it may not update, delete, truncate, reference or trigger on it");
            assertFalse(rs.getBoolean(5), "it does not own the table");
        }
        for (String statement : List.of("drop trigger audit_record_no_update_or_delete on audit_record",
                "alter table audit_record disable trigger all", "alter table audit_record owner to " + role,
                "drop table audit_record", "drop function audit_record_is_append_only() cascade",
                "create table audit_record_copy (id uuid)", "create schema audit_elsewhere", "delete from flyway_schema_history",
                "select setval(pg_get_serial_sequence('audit_record', 'seq'), 1)")) {
            SQLException refused = assertThrows(SQLException.class, () -> sql(statement), statement);
            assertEquals("42501", refused.getSQLState(), statement + ": " + refused.getMessage());
        }
        try (Connection c = SchemaOwner.connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from pg_trigger where tgrelid = 'audit_record'::regclass and tgenabled = 'O'")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1), "both append-only triggers are in place and enabled");
        }
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
