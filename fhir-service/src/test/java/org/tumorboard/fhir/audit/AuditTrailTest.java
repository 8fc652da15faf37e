package org.tumorboard.fhir.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tumorboard.events.Topics;
import org.tumorboard.testsupport.AuditTrailBasics;
import org.tumorboard.testsupport.TestEvents;
import org.tumorboard.testsupport.Tokens;
import org.tumorboard.testsupport.TopicWriter;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The facade's audit trail (issue 24 for the service issue 23 added): a request denied for the caller's role, or for a
 * token of two sites or of a site the network does not know, is recorded; the trail is for auditors, append-only, and
 * the facade's database role may only insert and read it. Its audited call is a read of a case's patient.
 */
@QuarkusTest
class AuditTrailTest extends AuditTrailBasics {

    static final String CASE_ID = TestEvents.newCaseId();
    static volatile boolean referred;

    /** A FHIR read denied for the caller's role is on the trail with the case it was about. */
    @Test
    void aFhirReadDeniedForTheCallersRoleIsRecordedWithItsCase() throws InterruptedException {
        String user = uniqueUser("denied-fhir");
        given().auth().oauth2(Tokens.token(user, "HUB", "auditor")).get("/fhir/Observation/" + CASE_ID + "-grade").then()
                .statusCode(403);
        for (int i = 0; i < 100 && given().auth().oauth2(AUDITOR).queryParam("user", user).get("/api/audit").jsonPath()
                .getInt("total") == 0; i++) {
            Thread.sleep(100);
        }
        JsonPath record = onlyRecordOf(user);
        assertEquals("ACCESS_DENIED", record.getString("action"));
        assertEquals(CASE_ID, record.getString("caseId"));
        assertEquals("/fhir/Observation/" + CASE_ID + "-grade", record.getString("path"));
    }

    @Override
    protected void audited(String user) {
        if (!referred) {
            TopicWriter.send(Topics.INTAKE, TestEvents.caseReferred(CASE_ID, "HUB", 22.0));
            TestEvents.await("the case in the read model", 30_000, () -> given().auth().oauth2(Tokens.pathologist())
                    .get("/fhir/Patient/" + CASE_ID).statusCode() == 200);
            referred = true;
        }
        given().auth().oauth2(Tokens.token(user, "HUB", "pathologist")).get("/fhir/Patient/" + CASE_ID).then().statusCode(200);
    }
}
