package org.tumorboard.intake.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tumorboard.intake.IntakeApi;
import org.tumorboard.intake.Referrals;
import org.tumorboard.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Error responses never echo patient identity (issue #11): a referral refused for any reason, with the name, MRN or
 * birth date in the field at fault or in another one, answers a problem that names fields, never their values.
 */
@QuarkusTest
class IdentityInErrorsTest {

    static final String MRN = "MRN-ECHO-7731";
    static final String GIVEN = "Zoltanka";
    static final String FAMILY = "Quibberwick";
    static final String BIRTH = "1958-07-14";
    static final List<String> IDENTITY = List.of(MRN, GIVEN, FAMILY, BIRTH, "14/07/1958", "Quibberwick, Zoltanka");

    static Map<String, Object> referral() {
        Map<String, Object> body = Referrals.valid("HUB", MRN);
        body = Referrals.with(body, "patient.givenName", GIVEN);
        body = Referrals.with(body, "patient.familyName", FAMILY);
        return Referrals.with(body, "patient.birthDate", BIRTH);
    }

    static List<Object[]> refusals() {
        return List.of(
                new Object[] { "birth date in another format", Referrals.with(referral(), "patient.birthDate", "14/07/1958") },
                new Object[] { "MRN in the birth date", Referrals.with(referral(), "patient.birthDate", MRN) },
                new Object[] { "name in the sex", Referrals.with(referral(), "patient.sex", "Quibberwick, Zoltanka") },
                new Object[] { "name as a number's place", Referrals.with(referral(), "imaging.greatestDimensionCm", FAMILY) },
                new Object[] { "identity as the patient object", Referrals.with(referral(), "patient", "Quibberwick, Zoltanka " + MRN) },
                new Object[] { "identity as an unknown field", Referrals.with(referral(), "patient.nickname", GIVEN + " " + FAMILY) },
                new Object[] { "MRN too long", Referrals.with(referral(), "patient.mrn", MRN + "-".repeat(40)) },
                new Object[] { "family name blank, given name kept", Referrals.with(referral(), "patient.familyName", " ") },
                new Object[] { "birth date in the future", Referrals.with(referral(), "patient.birthDate", "2958-07-14") },
                new Object[] { "imaging before birth", Referrals.with(referral(), "imaging.ctAbdomenPelvisDate", "1950-01-01") },
                new Object[] { "unknown referring site", Referrals.with(referral(), "referringSite", "Quibberwick clinic") },
                new Object[] { "name in a boolean", Referrals.with(referral(), "neoadjuvantConsidered", GIVEN) });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusedReferralNeverEchoesIdentity(String what, Map<String, Object> body) {
        String answer = given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON).body(body)
                .post("/api/referrals").then().statusCode(400).contentType("application/problem+json").extract().asString();
        assertTrue(answer.contains("\"field\""), "the problem names the field: " + answer);
        for (String identity : IDENTITY) {
            assertFalse(answer.contains(identity), what + ": the answer echoes " + identity + ": " + answer);
        }
    }

    /** The second open case of the same patient: 409 naming the open case, not the patient. */
    @org.junit.jupiter.api.Test
    void aSecondOpenCaseIsRefusedWithoutNamingThePatient() {
        Map<String, Object> body = Referrals.with(referral(), "patient.mrn", MRN + "-B");
        IntakeApi.refer(body);
        String answer = given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON).body(body)
                .post("/api/referrals").then().statusCode(409).extract().asString();
        for (String identity : IDENTITY) {
            assertFalse(answer.contains(identity), "the answer echoes " + identity + ": " + answer);
        }
    }

    /** A withdrawal whose reason names the patient is refused without repeating the name. */
    @org.junit.jupiter.api.Test
    void aWithdrawalNamingThePatientIsRefusedWithoutRepeatingIt() {
        String caseId = IntakeApi.refer(Referrals.with(referral(), "patient.mrn", MRN + "-C"));
        String answer = given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON)
                .body(Map.of("reason", "Mr " + FAMILY + " moved abroad")).post("/api/cases/" + caseId + "/withdrawal")
                .then().statusCode(400).extract().asString();
        assertFalse(answer.contains(FAMILY), answer);
    }
}
