package org.tumorboard.fhir.rest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.tumorboard.fhir.mcode.McodeCase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The patient's identity, asked of intake for one request with the caller's own token (issue 23, item 3): intake
 * decides what this caller may see and audits it; the facade keeps nothing of it.
 */
@ApplicationScoped
public class IntakeIdentity {

    /** The system of a referring site's medical record numbers: the site's code follows. */
    public static final String MRN_SYSTEM = "urn:tumorboard:mrn:";

    /** Intake could not answer: the read fails rather than hand out a patient with less than the caller may see. */
    public static final class Unavailable extends jakarta.ws.rs.WebApplicationException {
        public Unavailable(String message) {
            super(message, 502); // the audit trail records it as the Bad Gateway it is answered with
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    @ConfigProperty(name = "tumorboard.intake.url")
    String intakeUrl;

    @ConfigProperty(name = "tumorboard.intake.timeout")
    Duration timeout;

    /**
     * The case's patient as intake shows it to the caller: with identity when intake gives it, else the patient without
     * identity. Empty when intake does not know the case for this caller.
     */
    public Optional<Patient> patient(UUID caseId, String bearerToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(intakeUrl + "/api/cases/" + caseId)).timeout(timeout)
                .header("Authorization", "Bearer " + bearerToken).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable("intake-service did not answer for the patient's identity (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while asking intake-service for the patient's identity");
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new Unavailable("intake-service answered " + response.statusCode() + " for the patient's identity");
        }
        try {
            JsonNode patient = JSON.readTree(response.body()).path("patient");
            return Optional.of(patient.isObject() ? withIdentity(caseId.toString(), site(response.body()), patient)
                    : McodeCase.patientWithoutIdentity(caseId.toString()));
        } catch (IOException e) {
            throw new Unavailable("intake-service's answer could not be read");
        }
    }

    /** What intake answered: its status and its body (a case, or a problem). */
    public record Answer(int status, String body) {
    }

    /** Intake's {@code POST /api/referrals}, with the caller's token: intake validates, stores and audits the referral. */
    public Answer refer(String referralJson, String bearerToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(intakeUrl + "/api/referrals")).timeout(timeout)
                .header("Authorization", "Bearer " + bearerToken).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(referralJson)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                throw new Unavailable("intake-service answered " + response.statusCode() + " to the referral");
            }
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            // not retried here: intake may have stored it; the EHR resends and intake's duplicate check answers
            throw new Unavailable("intake-service did not answer the referral (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while sending the referral to intake-service");
        }
    }

    private static String site(String body) throws IOException {
        return JSON.readTree(body).path("referringSite").asText("");
    }

    /** mCODE's cancer patient with what intake holds: the site's MRN, the name, the birth date, the sex as gender. */
    static Patient withIdentity(String caseId, String site, JsonNode identity) {
        Patient p = new Patient();
        p.setId(caseId);
        p.getMeta().addProfile("http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-cancer-patient");
        p.addIdentifier(new Identifier().setSystem(McodeCase.CASE_IDENTIFIER_SYSTEM).setValue(caseId));
        if (identity.hasNonNull("mrn")) {
            p.addIdentifier(new Identifier().setSystem(MRN_SYSTEM + site).setValue(identity.get("mrn").asText())
                    .setType(new org.hl7.fhir.r4.model.CodeableConcept(new org.hl7.fhir.r4.model.Coding(
                            "http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number"))));
        }
        HumanName name = p.addName().setFamily(identity.path("familyName").asText(null));
        if (identity.hasNonNull("givenName")) {
            name.addGiven(identity.get("givenName").asText());
        }
        if (identity.hasNonNull("birthDate")) {
            p.setBirthDateElement(new org.hl7.fhir.r4.model.DateType(LocalDate.parse(identity.get("birthDate").asText()).toString()));
        }
        p.setGender(switch (identity.path("sex").asText("")) {
            case "FEMALE" -> AdministrativeGender.FEMALE;
            case "MALE" -> AdministrativeGender.MALE;
            case "OTHER" -> AdministrativeGender.OTHER;
            default -> AdministrativeGender.UNKNOWN;
        });
        return p;
    }
}
