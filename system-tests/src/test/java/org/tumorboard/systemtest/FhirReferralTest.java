package org.tumorboard.systemtest;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.tumorboard.systemtest.Api.as;
import static org.tumorboard.systemtest.SystemStack.Service.FHIR;
import static org.tumorboard.systemtest.SystemStack.Service.INTAKE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.tumorboard.testsupport.TestEvents;

/**
 * Issue 23, item 5: a spoke EHR's referral as a FHIR Bundle becomes intake's case, end to end (the facade, intake, the
 * topics, the facade's read model again), with intake's own validation answered as an OperationOutcome naming the
 * Bundle's element; a spoke cannot refer another site's patient.
 */
class FhirReferralTest {

    /** fhir-service/examples/referral-bundle.json (the README's curl), with this run's patient and recent imaging. */
    static String referral(Patients.Identity patient, String site) throws IOException {
        Path example = Path.of(System.getProperty("stack.root"), "fhir-service", "examples", "referral-bundle.json");
        Bundle bundle = FhirExport.validator().context().newJsonParser().parseResource(Bundle.class, Files.readString(example));
        Patient p = (Patient) bundle.getEntry().get(0).getResource();
        p.getIdentifierFirstRep().setSystem("urn:tumorboard:mrn:" + site).setValue(patient.mrn());
        p.getNameFirstRep().setFamily(patient.familyName()).getGiven().clear();
        p.getNameFirstRep().addGiven(patient.givenName());
        p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(patient.birthDate().toString()));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ((Observation) bundle.getEntry().get(2).getResource()).setEffective(new org.hl7.fhir.r4.model.DateTimeType(today.minusDays(6).toString()));
        ((Observation) bundle.getEntry().get(3).getResource()).setEffective(new org.hl7.fhir.r4.model.DateTimeType(today.minusDays(5).toString()));
        return FhirExport.validator().context().newJsonParser().encodeResourceToString(bundle);
    }

    @Test
    void aFhirReferralBecomesACaseEndToEnd() throws IOException {
        Patients.Identity patient = Patients.next();
        var created = as("coord-north", FHIR).contentType("application/fhir+json").body(referral(patient, "SPOKE-NORTH"))
                .post("/fhir/Bundle").then().statusCode(201).contentType("application/fhir+json")
                .body("resourceType", equalTo("Bundle")).body("type", equalTo("transaction-response"))
                .header("Location", startsWith(SystemStack.get().url(FHIR) + "/fhir/Patient/"))
                .extract();
        String caseId = created.header("Location").replaceAll(".*/Patient/", "");
        assertEquals("Patient/" + caseId, created.jsonPath().getString("entry[0].response.location"));
        as("coord-north", INTAKE).get("/api/cases/" + caseId).then().statusCode(200)
                .body("referringSite", equalTo("SPOKE-NORTH"))
                .body("patient.mrn", equalTo(patient.mrn()))
                .body("patient.familyName", equalTo(patient.familyName()))
                .body("imaging.greatestDimensionCm", closeTo(22.0, 0.001))
                .body("imaging.side", equalTo("LEFT"))
                .body("workup.complete", equalTo(true));
        TestEvents.await("the facade has read the new case", 60_000, () -> as("chair", FHIR).get("/fhir/Patient/" + caseId + "/$everything")
                .statusCode() == 200);
        FhirExport.Result export = FhirExport.validate("a FHIR referral's case", FhirExport.everything("chair", caseId));
        assertEquals(List.of(), export.unexplained());
        assertEquals(List.of("Patient/" + caseId, "BodyStructure/" + caseId + "-tumor", "Observation/" + caseId + "-size-imaging"),
                export.resources());
        List<String> trail = as("auditor", FHIR).queryParam("caseId", caseId).get("/api/audit").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.action == 'FHIR_REFERRAL' }.actor");
        assertEquals(List.of("coord-north"), trail);
        // sent again (the EHR did not see the answer): intake's duplicate check, as an OperationOutcome
        as("coord-north", FHIR).contentType("application/fhir+json").body(referral(patient, "SPOKE-NORTH"))
                .post("/fhir/Bundle").then().statusCode(409).contentType("application/fhir+json")
                .body("issue.code", hasItem("conflict"));
        // a second open case when the coordinator confirms it, sent to the base URL as FHIR clients send a transaction
        var json = FhirExport.validator().context().newJsonParser();
        Bundle again = json.parseResource(Bundle.class, referral(patient, "SPOKE-NORTH"));
        ((org.hl7.fhir.r4.model.ServiceRequest) again.getEntry().get(1).getResource()).addExtension("urn:tumorboard:fhir:StructureDefinition/confirm-second-open-case", new org.hl7.fhir.r4.model.BooleanType(true));
        String confirmed = json.encodeResourceToString(again);
        String second = as("coord-north", FHIR).contentType("application/fhir+json").body(confirmed)
                .post("/fhir").then().statusCode(201).extract().header("Location").replaceAll(".*/Patient/", "");
        assertNotEquals(caseId, second);
        as("coord-north", INTAKE).get("/api/cases/" + second).then().statusCode(200).body("patient.mrn", equalTo(patient.mrn()));
    }

    @Test
    void intakesValidationNamesTheBundlesElementAndNothingIsStored() throws IOException {
        Patients.Identity patient = Patients.next();
        String future = referral(patient, "SPOKE-NORTH").replace("\"birthDate\":\"" + patient.birthDate() + "\"",
                "\"birthDate\":\"" + LocalDate.now(ZoneOffset.UTC).plusYears(1) + "\"");
        long before = as("coord-hub", INTAKE).queryParam("size", 1).get("/api/cases").then().statusCode(200).extract().jsonPath().getLong("total");
        as("coord-north", FHIR).contentType("application/fhir+json").body(future).post("/fhir/Bundle").then().statusCode(400)
                .contentType("application/fhir+json").body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].expression[0]", equalTo("Bundle.entry[0].resource.birthDate"))
                .body("issue[0].diagnostics", startsWith("patient.birthDate"));
        assertEquals(before, as("coord-hub", INTAKE).queryParam("size", 1).get("/api/cases").then().statusCode(200).extract().jsonPath()
                .getLong("total"), "no case was made for the refused referral");
    }

    @Test
    void aSpokeCannotReferAnotherSitesPatient() throws IOException {
        as("coord-south", FHIR).contentType("application/fhir+json").body(referral(Patients.next(), "SPOKE-NORTH"))
                .post("/fhir/Bundle").then().statusCode(403).contentType("application/fhir+json")
                .body("issue[0].code", equalTo("forbidden"));
    }
}
