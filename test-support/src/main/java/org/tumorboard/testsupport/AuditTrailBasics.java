package org.tumorboard.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * What every service's audit trail does whatever the service writes (issues 11 and 24): a request refused for the
 * caller's role, or for a token of two sites or of a site the network does not know, is on the trail; the trail is for
 * auditors only, its filters are checked, no endpoint or SQL statement changes a record, and the service's database role
 * may only insert and read records. A service says how to make one audited call; {@link AuditTrailChecks} adds what a
 * service with audited writes must do.
 */
public abstract class AuditTrailBasics {

    public static final String AUDITOR = Tokens.token("auditor-1", "HUB", "auditor");

    /** Makes one audited call as {@code user} that succeeds, leaving exactly one record. */
    protected abstract void audited(String user);

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
        audited(user);
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

    protected static Map<String, Object> recordOf(String user) {
        onlyRecordOf(user);
        return given().auth().oauth2(AUDITOR).queryParam("user", user).get("/api/audit").then().statusCode(200)
                .extract().jsonPath().getMap("items[0]");
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

    protected static Connection connection() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
