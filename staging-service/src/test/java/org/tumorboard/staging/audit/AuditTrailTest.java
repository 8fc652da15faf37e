package org.tumorboard.staging.audit;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.Topics;
import org.tumorboard.platform.deadletter.DeadLetters;
import org.tumorboard.platform.messaging.CloudEventRecords;
import org.tumorboard.testsupport.AuditTrailChecks;
import org.tumorboard.testsupport.TestEvents;
import org.tumorboard.testsupport.Tokens;
import org.tumorboard.testsupport.TopicWriter;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * staging-service's audit trail. Staging takes no clinical write from a user (its stages follow from events); the
 * write a person makes here is an operator's replay of a dead letter, which changes clinical facts, so that is audited.
 */
@QuarkusTest
class AuditTrailTest extends AuditTrailChecks {

    private static final String OPERATOR = Tokens.token("ops", "HUB", "operator");

    @jakarta.inject.Inject
    DeadLetters deadLetters;

    /** A referral this service failed on (a fault since fixed), kept as a dead letter and replayed as it was. */
    @Override
    protected Attempt write(String user) {
        String caseId = TestEvents.newCaseId();
        CaseEvent valid = TestEvents.caseReferred(caseId, "HUB", 12.0);
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.INTAKE, 0,
                java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40, Long.MAX_VALUE), caseId, valid.data());
        CloudEventRecords.toRecord(Topics.INTAKE, valid).headers().forEach(h -> record.headers().add(h));
        deadLetters.record(record, "simulated: a consumer fault since fixed");
        String id = deadLetter(caseId);
        String path = "/api/dead-letters/" + id + "/replay";
        int status = given().auth().oauth2(Tokens.token(user, "HUB", "operator")).contentType(ContentType.JSON)
                .body(Map.of("reason", "fault fixed")).post(path).then().extract().statusCode();
        return new Attempt(caseId, "DEAD_LETTER_REPLAY", "POST", path, "operator", "HUB", status);
    }

    @Override
    protected String prepareRefused() {
        String caseId = TestEvents.newCaseId();
        TopicWriter.send(Topics.INTAKE, caseId, "{\"not\": \"a CloudEvent\"", Map.of());
        return caseId;
    }

    /** The same poison replayed as it is: 409, on the record with the case its key names. */
    @Override
    protected Attempt refused(String user, String caseId) {
        String path = "/api/dead-letters/" + deadLetter(caseId) + "/replay";
        int status = given().auth().oauth2(Tokens.token(user, "HUB", "operator")).contentType(ContentType.JSON)
                .body(Map.of("reason", "try again")).post(path).then().extract().statusCode();
        return new Attempt(caseId, "DEAD_LETTER_REPLAY", "POST", path, "operator", "HUB", status);
    }

    @Override
    protected String writtenTable() {
        return "staging_case";
    }

    @Override
    protected long facts() {
        return count("select count(*) from staging_case");
    }

    private static String deadLetter(String key) {
        String[] id = new String[1];
        TestEvents.await("the record dead-lettered", 30_000, () -> {
            List<String> ids = given().auth().oauth2(OPERATOR).queryParam("limit", 1000).get("/api/dead-letters").then()
                    .statusCode(200).extract().jsonPath().getList("findAll { it.key == '" + key + "' }.id");
            id[0] = ids.isEmpty() ? null : ids.get(0);
            return id[0] != null;
        });
        return id[0];
    }
}
