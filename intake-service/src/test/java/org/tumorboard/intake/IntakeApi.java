package org.tumorboard.intake;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.tumorboard.testsupport.Tokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The coordinator's calls, as a client makes them. */
public final class IntakeApi {

    private IntakeApi() {
    }

    public static String refer(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.hubCoordinator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/referrals")
                .then().statusCode(201)
                .extract().path("caseId");
    }

    public static String refer(String site) {
        return refer(Referrals.valid(site));
    }

    public static JsonPath getCase(String caseId) {
        return given().auth().oauth2(Tokens.hubCoordinator())
                .when().get("/api/cases/" + caseId)
                .then().statusCode(200)
                .extract().jsonPath();
    }

    public static String status(String caseId) {
        return getCase(caseId).getString("status");
    }
}
