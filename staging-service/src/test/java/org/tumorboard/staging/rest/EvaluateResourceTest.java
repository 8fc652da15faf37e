package org.tumorboard.staging.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorboard.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The stateless calculator: the reference's example, bad input, roles. */
@QuarkusTest
class EvaluateResourceTest {

    static Map<String, Object> body(Object size, Object nodes, Object metastasis, Object grade) {
        Map<String, Object> body = new HashMap<>();
        body.put("greatestDimensionCm", size);
        body.put("nodes", nodes);
        body.put("metastasis", metastasis);
        body.put("grade", grade);
        return body;
    }

    @Test
    void the22CentimetreG2TumorIsT4StageIIIB() {
        given().auth().oauth2(Tokens.token("nurse", "SPOKE-NORTH", "nurse")).contentType(ContentType.JSON)
                .body(body(22.0, "N0", "M0", "G2"))
                .when().post("/api/staging/evaluate")
                .then().statusCode(200)
                .body("t", equalTo("T4")).body("n", equalTo("N0")).body("m", equalTo("M0")).body("g", equalTo("G2"))
                .body("group", equalTo("IIIB"))
                .body("edition", equalTo("AJCC8_RETROPERITONEUM"));
    }

    @Test
    void n1WithoutM1IsIIIB() {
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(body(3.0, "N1", "M0", "G1"))
                .when().post("/api/staging/evaluate")
                .then().statusCode(200).body("group", equalTo("IIIB"));
    }

    @ParameterizedTest(name = "{4}")
    @CsvSource(nullValues = "null", value = {
            "-1,   N0, M0, G2, greatestDimensionCm",
            "0,    N0, M0, G2, greatestDimensionCm",
            "100.1, N0, M0, G2, greatestDimensionCm",
            "12.25, N0, M0, G2, greatestDimensionCm",
            "null, N0, M0, G2, greatestDimensionCm",
            "5,    N2, M0, G2, nodes",
            "5,    N0, MX, G2, metastasis",
            "5,    N0, M0, G4, grade",
            "5,    N0, M0, null, grade",
    })
    void badInputIs400NamingTheField(String size, String n, String m, String g, String field) {
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON)
                .body(body(size == null ? null : new java.math.BigDecimal(size), n, m, g))
                .when().post("/api/staging/evaluate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains(field));
    }

    @Test
    void rolesAreEnforced() {
        given().contentType(ContentType.JSON).body(body(22.0, "N0", "M0", "G2"))
                .when().post("/api/staging/evaluate").then().statusCode(401);
        given().auth().oauth2(Tokens.token("auditor", "HUB", "auditor")).contentType(ContentType.JSON).body(body(22.0, "N0", "M0", "G2"))
                .when().post("/api/staging/evaluate").then().statusCode(403);
    }
}
