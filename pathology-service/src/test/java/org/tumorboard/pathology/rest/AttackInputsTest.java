package org.tumorboard.pathology.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tumorboard.testsupport.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Numbers where the FNCLCC grade and the margin model need exact values (issue #11): 12.7 mitoses is not 12, "12" is
 * not a number, a grade or score sent by the client is not taken. Each is a 400 naming the field, before any case is
 * looked up.
 */
@QuarkusTest
class AttackInputsTest {

    static List<Object[]> biopsyBodies() {
        return List.of(
                new Object[] { "fnclcc.mitosesPer10Hpf", 12.7, "fnclcc.mitosesPer10Hpf" },
                new Object[] { "fnclcc.mitosesPer10Hpf", "12", "fnclcc.mitosesPer10Hpf" },
                new Object[] { "fnclcc.differentiation", 2.5, "fnclcc.differentiation" },
                new Object[] { "fnclcc.differentiation", true, "fnclcc.differentiation" },
                new Object[] { "fnclcc.necrosisPercent", "30%", "fnclcc.necrosisPercent" },
                new Object[] { "grade", "G1", "grade" },
                new Object[] { "fnclcc.score", 2, "fnclcc.score" },
                new Object[] { "histology", 7, "histology" });
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("biopsyBodies")
    void biopsyReportsRefuseWrongNumbersAndServerOwnedFields(String path, Object value, String field) {
        Map<String, Object> fnclcc = new HashMap<>(Map.of("differentiation", 3, "mitosesPer10Hpf", 12, "necrosisPercent", 30));
        Map<String, Object> body = new HashMap<>(Map.of("specimenType", "CORE_NEEDLE", "histology", "LEIOMYOSARCOMA",
                "ihc", List.of(), "fnclcc", fnclcc));
        if (path.startsWith("fnclcc.")) {
            fnclcc.put(path.substring(7), value);
        } else {
            body.put(path, value);
        }
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(body)
                .post("/api/cases/" + UUID.randomUUID() + "/biopsy-reports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains(field));
    }

    static List<Object[]> resectionBodies() {
        return List.of(
                new Object[] { "blocksSampled", 40.5, "blocksSampled" },
                new Object[] { "blocksSampled", "40", "blocksSampled" },
                new Object[] { "nodesPositive", 0.5, "nodesPositive" },
                new Object[] { "assumedInvolvedFraction", "0.01", "assumedInvolvedFraction" },
                new Object[] { "marginMissProbability", 0.0, "marginMissProbability" });
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("resectionBodies")
    void resectionReportsRefuseWrongNumbersAndServerOwnedFields(String field, Object value, String expected) {
        Map<String, Object> body = new HashMap<>(Map.of("margin", "R0", "blocksSampled", 40, "assumedInvolvedFraction", 0.01,
                "greatestDimensionCm", 21.5, "nodesExamined", 2, "nodesPositive", 0));
        body.put(field, value);
        given().auth().oauth2(Tokens.pathologist()).contentType(ContentType.JSON).body(body)
                .post("/api/cases/" + UUID.randomUUID() + "/resection-reports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains(expected));
    }
}
