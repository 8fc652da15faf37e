package org.tumorboard.intake.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tumorboard.intake.IntakeApi;
import org.tumorboard.intake.Referrals;
import org.tumorboard.testsupport.AuditTrailChecks;
import org.tumorboard.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** intake-service's audit trail: referrals, imaging updates, withdrawals, and every read of a case with who saw identity. */
@QuarkusTest
class AuditTrailTest extends AuditTrailChecks {

    @Override
    protected Attempt write(String user) {
        ExtractableResponse<Response> r = given().auth().oauth2(Tokens.token(user, "HUB", "coordinator")).contentType(ContentType.JSON)
                .body(Referrals.valid("HUB")).post("/api/referrals").then().extract();
        String caseId = r.statusCode() == 201 ? r.jsonPath().getString("caseId") : null;
        return new Attempt(caseId, "REFERRAL", "POST", "/api/referrals", "coordinator", "HUB", r.statusCode());
    }

    /** A spoke coordinator withdrawing another site's case: 404, as if it did not exist, and on the record. */
    @Override
    protected String prepareRefused() {
        return IntakeApi.refer("HUB");
    }

    @Override
    protected Attempt refused(String user, String hubCase) {
        int status = given().auth().oauth2(Tokens.token(user, "SPOKE-SOUTH", "coordinator")).contentType(ContentType.JSON)
                .body(Map.of("reason", "duplicate")).post("/api/cases/" + hubCase + "/withdrawal").then().extract().statusCode();
        return new Attempt(hubCase, "WITHDRAWAL", "POST", "/api/cases/" + hubCase + "/withdrawal", "coordinator", "SPOKE-SOUTH", status);
    }

    @Override
    protected String writtenTable() {
        return "intake_case";
    }

    @Override
    protected long facts() {
        return count("select count(*) from intake_case") + count("select count(*) from intake_case where status = 'WITHDRAWN'");
    }

    @Test
    void everyReadOfACaseIsRecordedWithWhetherIdentityWasShown() {
        String caseId = IntakeApi.refer("SPOKE-NORTH");
        String nurse = uniqueUser("nurse");
        String pathologist = uniqueUser("patho");
        String otherSpoke = uniqueUser("coord-south");
        given().auth().oauth2(Tokens.token(nurse, "SPOKE-NORTH", "nurse")).get("/api/cases/" + caseId).then().statusCode(200);
        given().auth().oauth2(Tokens.token(pathologist, "HUB", "pathologist")).get("/api/cases/" + caseId).then().statusCode(200);
        given().auth().oauth2(Tokens.token(otherSpoke, "SPOKE-SOUTH", "coordinator")).get("/api/cases/" + caseId).then().statusCode(404);

        JsonPath nurseRead = onlyRecordOf(nurse);
        assertEquals("CASE_READ", nurseRead.getString("action"));
        assertEquals(caseId, nurseRead.getString("caseId"));
        assertTrue(nurseRead.getBoolean("identityDisclosed"), "the nurse saw name, MRN and birth date");
        assertEquals("SUCCESS", nurseRead.getString("outcome"));

        JsonPath pathologistRead = onlyRecordOf(pathologist);
        assertFalse(pathologistRead.getBoolean("identityDisclosed"), "the pathologist's view has no identity");

        JsonPath attempt = onlyRecordOf(otherSpoke);
        assertEquals(caseId, attempt.getString("caseId"), "another site's try is on the record with the case it named");
        assertEquals("NOT_FOUND", attempt.getString("outcome"));
        assertEquals(404, attempt.getInt("status"));
        assertEquals("SPOKE-SOUTH", attempt.getString("site"));
        assertFalse(attempt.getBoolean("identityDisclosed"));
    }

    @Test
    void aRejectedReferralIsRecordedWithTheFieldsItNamedButNeverTheirValues() {
        String user = uniqueUser("coord");
        Map<String, Object> body = Referrals.with(Referrals.valid("HUB", "MRN-AUDIT-SECRET"), "patient.familyName", "");
        given().auth().oauth2(Tokens.token(user, "HUB", "coordinator")).contentType(ContentType.JSON).body(body)
                .post("/api/referrals").then().statusCode(400);
        JsonPath record = onlyRecordOf(user);
        assertEquals("REJECTED", record.getString("outcome"));
        assertTrue(record.getString("detail").contains("patient.familyName"), record.getString("detail"));
        String all = given().auth().oauth2(AUDITOR).queryParam("user", user).get("/api/audit").asString();
        assertFalse(all.contains("MRN-AUDIT-SECRET") || all.contains("Silva") || all.contains("1961"), all);
    }
}
