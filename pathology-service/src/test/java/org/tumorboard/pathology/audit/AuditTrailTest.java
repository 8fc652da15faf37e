package org.tumorboard.pathology.audit;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tumorboard.events.Topics;
import org.tumorboard.testsupport.AuditTrailChecks;
import org.tumorboard.testsupport.TestEvents;
import org.tumorboard.testsupport.Tokens;
import org.tumorboard.testsupport.TopicWriter;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** pathology-service's audit trail: biopsy and resection reports and amendments (here, biopsy reports). */
@QuarkusTest
class AuditTrailTest extends AuditTrailChecks {

    @Override
    protected Attempt write(String user) {
        String caseId = referredCase();
        int status = given().auth().oauth2(Tokens.token(user, "HUB", "pathologist")).contentType(ContentType.JSON).body(biopsy())
                .post("/api/cases/" + caseId + "/biopsy-reports").then().extract().statusCode();
        return new Attempt(caseId, "BIOPSY_REPORT", "POST", "/api/cases/" + caseId + "/biopsy-reports", "pathologist", "HUB", status);
    }

    @Override
    protected String prepareRefused() {
        return referredCase();
    }

    /** An amendment of a report the case does not have: 404, on the record with the case. */
    @Override
    protected Attempt refused(String user, String caseId) {
        String path = "/api/cases/" + caseId + "/reports/" + java.util.UUID.randomUUID() + "/amendments";
        int status = given().auth().oauth2(Tokens.token(user, "HUB", "pathologist")).contentType(ContentType.JSON)
                .body(Map.of("reason", "recount of mitoses", "biopsy", biopsy())).post(path).then().extract().statusCode();
        return new Attempt(caseId, "AMENDMENT", "POST", path, "pathologist", "HUB", status);
    }

    @Override
    protected String writtenTable() {
        return "pathology_report";
    }

    @Override
    protected long facts() {
        return count("select count(*) from report_version");
    }

    private static String referredCase() {
        String caseId = TestEvents.newCaseId();
        TopicWriter.send(Topics.INTAKE, TestEvents.caseReferred(caseId, "HUB", 22.0));
        TestEvents.await("case known to pathology", 30_000,
                () -> count("select count(*) from pathology_case where case_id = '" + caseId + "'") == 1);
        return caseId;
    }

    private static Map<String, Object> biopsy() {
        Map<String, Object> body = new HashMap<>();
        body.put("specimenType", "CORE_NEEDLE");
        body.put("histology", "DEDIFFERENTIATED_LIPOSARCOMA");
        body.put("ihc", List.of(Map.of("marker", "MDM2", "result", "POSITIVE")));
        body.put("molecular", Map.of("mdm2Amplified", true, "cdk4Amplified", true, "method", "FISH"));
        body.put("fnclcc", Map.of("differentiation", 3, "mitosesPer10Hpf", 12, "necrosisPercent", 30));
        return body;
    }
}
