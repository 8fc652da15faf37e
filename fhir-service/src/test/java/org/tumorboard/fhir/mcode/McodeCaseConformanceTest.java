package org.tumorboard.fhir.mcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.Vocabulary;
import org.tumorboard.fhir.conformance.ValidationReport;

/** The case's patient (without identity) and its primary cancer, for every histology, against mCODE 4.0.0. */
@org.junit.jupiter.api.Order(1)
class McodeCaseConformanceTest {

    static final String CASE = McodeObservationsConformanceTest.CASE;

    @Test
    void thePatientWithoutIdentityAndEverySarcomasPrimaryCancerConform() {
        List<String> unexplained = new ArrayList<>();
        Patient patient = McodeCase.patientWithoutIdentity(CASE);
        ValidationReport patientReport = McodeObservationsConformanceTest.VALIDATOR.validate("CancerPatient " + CASE, patient);
        if (!patientReport.unexplainedErrors().isEmpty()) {
            unexplained.add(patientReport.summary());
        }
        int conditions = 0;
        for (String histology : Vocabulary.Pathology.HISTOLOGIES) {
            var condition = McodeCase.primaryCancer(CASE, new BiopsyReported(CASE, "r1", 1, histology, "G2", null, List.of()),
                    Instant.parse("2026-10-20T08:00:00Z"), new Reference("Patient/" + CASE));
            if (condition.isEmpty()) {
                assertEquals("NOT_SARCOMA", histology, "only a biopsy that found no sarcoma has no primary cancer");
                continue;
            }
            conditions++;
            ValidationReport report = McodeObservationsConformanceTest.VALIDATOR.validate("PrimaryCancerCondition " + histology, condition.get());
            if (!report.unexplainedErrors().isEmpty()) {
                unexplained.add(report.summary());
            }
            report.explainedErrors().forEach(f -> System.out.println("  cannot be checked here: " + f));
        }
        System.out.printf("our patient and %d primary cancer conditions: %d with unexplained errors%n", conditions, unexplained.size());
        assertEquals(List.of(), unexplained);
        assertEquals(Vocabulary.Pathology.HISTOLOGIES.size() - 1, conditions);
    }

    @Test
    void thePatientCarriesTheCaseAndNoIdentity() {
        Patient patient = McodeCase.patientWithoutIdentity(CASE);
        assertEquals(CASE, patient.getIdentifierFirstRep().getValue());
        assertTrue(patient.getNameFirstRep().getFamily() == null && patient.getNameFirstRep().getGiven().isEmpty());
        assertEquals("masked", patient.getNameFirstRep().getExtensionByUrl(McodeCase.DATA_ABSENT_REASON).getValue().primitiveValue());
        assertEquals(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.UNKNOWN, patient.getGender());
        assertTrue(patient.getBirthDate() == null && patient.getAddress().isEmpty() && patient.getTelecom().isEmpty());
    }

    @Test
    void aDedifferentiatedLiposarcomaIsCodedAsSuchInTheRetroperitoneum() {
        Condition c = McodeCase.primaryCancer(CASE, new BiopsyReported(CASE, "r1", 1, "DEDIFFERENTIATED_LIPOSARCOMA", "G3", null, List.of()),
                Instant.parse("2026-10-20T08:00:00Z"), new Reference("Patient/" + CASE)).orElseThrow();
        assertEquals("8858/3", ((org.hl7.fhir.r4.model.CodeableConcept) c.getExtensionByUrl(McodeObservations.PROFILES
                + "mcode-histology-morphology-behavior").getValue()).getCodingFirstRep().getCode());
        assertEquals("C48.0", c.getBodySiteFirstRep().getCodingFirstRep().getCode());
        assertEquals("C48.0", c.getCode().getCodingFirstRep().getCode());
    }
}
