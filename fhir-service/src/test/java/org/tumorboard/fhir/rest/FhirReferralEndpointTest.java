package org.tumorboard.fhir.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.tumorboard.testsupport.Tokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code POST /fhir/Bundle} before intake is reached: who may send, what is refused with which element, and that a
 * refused referral is on the audit trail. (Intake accepting it, end to end, is the system test's.)
 */
@QuarkusTest
class FhirReferralEndpointTest {

    @Inject
    EntityManager em;

    static String example() throws IOException {
        return Files.readString(Path.of("examples/referral-bundle.json"));
    }

    @Test
    void notJsonOrNotABundleIs400WithAnOperationOutcome() throws IOException {
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).contentType("application/fhir+json").body("{\"resourceType\": \"Bundle\", \"type\": 7")
                .post("/fhir/Bundle").then().statusCode(400).contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("structure"));
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).contentType("application/fhir+json")
                .body("{\"resourceType\": \"Patient\", \"gender\": \"female\"}")
                .post("/fhir/Bundle").then().statusCode(400).body("issue[0].expression[0]", equalTo("resourceType"));
        // an element FHIR R4 does not define: the strict parser names it
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).contentType("application/fhir+json")
                .body(example().replace("\"gender\": \"female\"", "\"gender\": \"female\", \"shoeSize\": 9"))
                .post("/fhir/Bundle").then().statusCode(400).body("issue[0].diagnostics", containsString("shoeSize"));
    }

    @Test
    void aBundleThatIsNotAReferralIs422NamingTheElement() throws IOException {
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).contentType("application/fhir+json")
                .body(example().replace("\"type\": \"transaction\"", "\"type\": \"collection\""))
                .post("/fhir/Bundle").then().statusCode(422).contentType("application/fhir+json")
                .body("issue[0].code", equalTo("invalid")).body("issue[0].expression[0]", equalTo("Bundle.type"));
    }

    @Test
    void aSpokeMayNotReferAnotherSitesPatient() throws IOException {
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-SOUTH")).contentType("application/fhir+json").body(example())
                .post("/fhir/Bundle").then().statusCode(403).contentType("application/fhir+json")
                .body("issue[0].code", equalTo("forbidden")).body("issue[0].diagnostics", containsString("SPOKE-NORTH"));
        List<Object[]> denied = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select actor, status from audit_record where action = 'FHIR_REFERRAL' and actor = 'coord-spoke-south'", Object[].class)
                .getResultList());
        assertTrue(denied.stream().anyMatch(r -> ((Number) r[1]).intValue() == 403), "the refusal is on the trail");
    }

    @Test
    void onlyACoordinatorRefers() throws IOException {
        given().auth().oauth2(Tokens.pathologist()).contentType("application/fhir+json").body(example())
                .post("/fhir/Bundle").then().statusCode(403);
        given().contentType("application/fhir+json").body(example()).post("/fhir/Bundle").then().statusCode(401);
    }

    @Test
    void intakeUnreachableIsABadGatewayAndNothingIsClaimed() throws IOException {
        // intake-service does not run in this module's tests
        given().auth().oauth2(Tokens.spokeCoordinator("SPOKE-NORTH")).contentType("application/fhir+json").body(example())
                .post("/fhir/Bundle").then().statusCode(502).contentType("application/fhir+json")
                .body("issue[0].code", equalTo("transient")).header("Location", org.hamcrest.Matchers.nullValue());
    }
}
