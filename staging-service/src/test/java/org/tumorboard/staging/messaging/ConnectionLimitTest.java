package org.tumorboard.staging.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.Topics;
import org.tumorboard.testsupport.EmbeddedPostgres;
import org.tumorboard.testsupport.TestEvents;
import org.tumorboard.testsupport.TopicWriter;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 24, item 5: when the database refuses the service connections for lack of slots (SQLSTATE 53300, here its
 * role's connection limit set to 0), the consumer tries the event a few times, then stops and says so on its liveness
 * check, instead of retrying for ever behind a healthy face; the event is neither applied nor dead-lettered, and comes
 * again after the restart (its offset is not committed). The outbox relay, refused as often, stops the check too.
 */
@QuarkusTest
@Order(Integer.MAX_VALUE) // last of the module (junit-platform.properties): this JVM's consumer stays stopped
class ConnectionLimitTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDatabaseThatKeepsRefusingConnectionsStopsTheConsumerAndItSaysSo() throws SQLException {
        String role = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        given().get("/q/health/live").then().statusCode(200);
        CaseEvent referred = TestEvents.caseReferred(TestEvents.newCaseId(), "SPOKE-NORTH", 12.0);
        asSuperuser("alter role " + role + " connection limit 0");
        RecordMetadata at;
        try {
            dataSource.flush(AgroalDataSource.FlushMode.ALL);
            at = TopicWriter.send(Topics.INTAKE, referred);
            TestEvents.await("the consumer reports itself not live", 60_000, () -> given().get("/q/health/live").jsonPath()
                    .getString("checks.find { it.name == 'Case event consumer' }.data.reason") != null);
            given().get("/q/health/live").then().statusCode(503)
                    .body("checks.name", hasItem("Case event consumer"))
                    .body("checks.find { it.name == 'Case event consumer' }.data.reason", containsString("refused a connection 8 times"))
                    .body("checks.find { it.name == 'Case event consumer' }.data.reason", containsString(referred.id().toString()));
            // the outbox relay, refused as often, says so too (3 times in a row in tests, 8 by default)
            TestEvents.await("the relay reports itself stopped", 60_000, () -> given().get("/q/health/live").jsonPath()
                    .getString("checks.find { it.name == 'Case event consumer' }.data.relay") != null);
            given().get("/q/health/live").then().statusCode(503)
                    .body("checks.find { it.name == 'Case event consumer' }.data.relay",
                            containsString("outbox relay was refused a database connection 3 times in a row"));
        } finally {
            asSuperuser("alter role " + role + " connection limit -1");
        }
        assertFalse(TopicWriter.isConsumed("staging-service", at), "the record is held, not committed: it comes again after a restart");
        assertEquals(0, countAsSuperuser("select count(*) from inbox_event where event_id = '" + referred.id() + "'"), "not applied");
        assertEquals(0, countAsSuperuser("select count(*) from dead_letter where record_value like '%" + referred.id() + "%'"), "not a dead letter");
    }

    private static void asSuperuser(String statement) throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static long countAsSuperuser(String query) throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class),
                EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
    }
}
