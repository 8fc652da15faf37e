package org.tumorboard.fhir.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import ca.uhn.fhir.context.FhirContext;

/** A spoke EHR's referral Bundle read as intake's referral; every refusal names the element. */
class FhirReferralTest {

    static final FhirContext FHIR = FhirContext.forR4();

    /** The example the README's curl sends (fhir-service/examples/referral-bundle.json). */
    static Bundle example() {
        try {
            return FHIR.newJsonParser().parseResource(Bundle.class, Files.readString(Path.of("examples/referral-bundle.json")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theExampleIsIntakesReferral() {
        FhirReferral.Referral referral = FhirReferral.read(example());
        assertEquals("SPOKE-NORTH", referral.mrnSite());
        assertEquals(Map.of("mrn", "N-200871", "givenName", "Ana", "familyName", "Silva", "birthDate", "1961-04-02", "sex", "FEMALE"),
                referral.body().get("patient"));
        assertEquals("Large left retroperitoneal mass, fat-containing", referral.body().get("clinicalQuestion"));
        assertEquals(true, referral.body().get("neoadjuvantConsidered"));
        @SuppressWarnings("unchecked")
        Map<String, Object> imaging = (Map<String, Object>) referral.body().get("imaging");
        assertEquals(new BigDecimal("22.0"), imaging.get("greatestDimensionCm"), "220 mm");
        assertEquals("2026-11-01", imaging.get("ctAbdomenPelvisDate"), "the tumour size is the CT's");
        assertEquals(Map.of("modality", "CT", "date", "2026-11-02"), imaging.get("chestImaging"));
        assertEquals("LEFT", imaging.get("side"));
        assertEquals("PERIRENAL", imaging.get("compartment"));
        assertEquals(true, imaging.get("macroscopicFat"));
        assertEquals(true, imaging.get("solidEnhancingComponent"));
        assertEquals(false, imaging.get("suspiciousNodes"));
        assertEquals(false, imaging.get("distantLesions"));
        assertEquals("Bundle.entry[2].resource.component[0].valueQuantity", referral.elementOf().get("imaging.greatestDimensionCm"));
        assertEquals("Bundle.entry[0].resource.birthDate", referral.elementOf().get("patient.birthDate"));
        assertEquals(null, referral.body().get("confirmSecondOpenCase"), "a second open case is never opened unasked");
    }

    /** The coordinator's confirmation of a second open case (intake's confirmSecondOpenCase) as the ServiceRequest's extension. */
    @Test
    void aSecondOpenCaseIsConfirmedByTheServiceRequestsExtension() {
        Bundle bundle = example();
        ((org.hl7.fhir.r4.model.ServiceRequest) bundle.getEntry().get(1).getResource())
                .addExtension(FhirReferral.CONFIRM_SECOND_OPEN_CASE, new org.hl7.fhir.r4.model.BooleanType(true));
        FhirReferral.Referral referral = FhirReferral.read(bundle);
        assertEquals(true, referral.body().get("confirmSecondOpenCase"));
        assertEquals("Bundle.entry[1].resource.extension", referral.elementOf().get("confirmSecondOpenCase"));
        Bundle wrong = example();
        ((org.hl7.fhir.r4.model.ServiceRequest) wrong.getEntry().get(1).getResource())
                .addExtension(FhirReferral.CONFIRM_SECOND_OPEN_CASE, new org.hl7.fhir.r4.model.StringType("yes"));
        FhirReferral.Refused refused = org.junit.jupiter.api.Assertions.assertThrows(FhirReferral.Refused.class,
                () -> FhirReferral.read(wrong));
        assertEquals("Bundle.entry[1].resource.extension", refused.element());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refused("a collection", b -> b.setType(Bundle.BundleType.COLLECTION), "Bundle.type"),
                refused("a flag given twice", b -> ((org.hl7.fhir.r4.model.ServiceRequest) b.getEntry().get(1).getResource())
                        .addExtension(FhirReferral.NEOADJUVANT_CONSIDERED, new org.hl7.fhir.r4.model.BooleanType(false)),
                        "Bundle.entry[1].resource.extension"),
                refused("a message without its header first", b -> b.setType(Bundle.BundleType.MESSAGE), "Bundle.entry[0]"),
                refused("two patients", b -> b.addEntry().setResource(new Patient()), "Bundle.entry[10]"),
                refused("no referral", b -> b.getEntry().remove(1), "Bundle.entry"),
                refused("a finding of another patient", b -> observation(b, 4).setSubject(new Reference("Patient/other")),
                        "Bundle.entry[4].resource.subject"),
                refused("the referral for another patient", b -> ((org.hl7.fhir.r4.model.ServiceRequest) b.getEntry().get(1).getResource())
                        .setSubject(new Reference("Patient/other")), "Bundle.entry[1].resource.subject"),
                refused("an observation nobody here reads", b -> observation(b, 5).setCode(new CodeableConcept(
                        new Coding("http://loinc.org", "2160-0", null))), "Bundle.entry[5].resource.code"),
                refused("a finding code we do not define", b -> observation(b, 5).setCode(new CodeableConcept(
                        new Coding(FhirReferral.FINDINGS, "colour", null))), "Bundle.entry[5].resource.code"),
                refused("a boolean finding given as text", b -> observation(b, 6).setValue(new StringType("yes")),
                        "Bundle.entry[6].resource.valueBoolean"),
                refused("a coded finding given as a boolean", b -> observation(b, 4).setValue(new BooleanType(true)),
                        "Bundle.entry[4].resource.valueCodeableConcept"),
                refused("a size in inches", b -> observation(b, 2).getComponentFirstRep().setValue(new Quantity().setValue(8).setCode("[in_i]")),
                        "Bundle.entry[2].resource.component[0].valueQuantity.code"),
                refused("a size without its greatest dimension", b -> observation(b, 2).getComponent().clear(),
                        "Bundle.entry[2].resource.component"),
                refused("an undated chest CT", b -> observation(b, 3).setEffective(null), "Bundle.entry[3].resource.effectiveDateTime"),
                refused("a medication", b -> b.addEntry().setResource(new org.hl7.fhir.r4.model.MedicationRequest()), "Bundle.entry[10].resource"),
                refused("the size twice", b -> b.addEntry().setResource(observation(b, 2).copy()),
                        "Bundle.entry[10].resource.component[0].valueQuantity"),
                refused("the side twice", b -> b.addEntry().setResource(observation(b, 4).copy()), "Bundle.entry[10].resource.valueCodeableConcept"),
                refused("a finding entered in error", b -> observation(b, 6).setStatus(Observation.ObservationStatus.ENTEREDINERROR),
                        "Bundle.entry[6].resource.status"),
                refused("a size as a bound", b -> observation(b, 2).getComponentFirstRep().getValueQuantity()
                        .setComparator(Quantity.QuantityComparator.GREATER_THAN), "Bundle.entry[2].resource.component[0].valueQuantity.comparator"),
                refused("a chest CT dated to the month", b -> observation(b, 3).setEffective(new org.hl7.fhir.r4.model.DateTimeType("2026-11")),
                        "Bundle.entry[3].resource.effectiveDateTime"),
                refused("a finding code left out", b -> observation(b, 5).getCode().getCodingFirstRep().setCode(null),
                        "Bundle.entry[5].resource.code"),
                refused("a revoked referral", b -> ((org.hl7.fhir.r4.model.ServiceRequest) b.getEntry().get(1).getResource())
                        .setStatus(org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus.REVOKED), "Bundle.entry[1].resource.status"),
                refused("MRNs of two sites", b -> ((Patient) b.getEntry().get(0).getResource()).addIdentifier()
                        .setSystem(FhirReferral.MRN_SYSTEM + "SPOKE-SOUTH").setValue("S-1"), "Bundle.entry[0].resource.identifier[1].system"),
                refused("a patient without fullUrl the referral cannot point at", b -> b.getEntry().get(0).setFullUrl(null),
                        "Bundle.entry[1].resource.subject"));
    }

    static Arguments refused(String what, Consumer<Bundle> change, String element) {
        return Arguments.of(what, change, element);
    }

    static Observation observation(Bundle b, int entry) {
        return (Observation) b.getEntry().get(entry).getResource();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aBundleThatIsNotAReferralIsRefusedNamingTheElement(String what, Consumer<Bundle> change, String element) {
        Bundle bundle = example();
        change.accept(bundle);
        FhirReferral.Refused refused = assertThrows(FhirReferral.Refused.class, () -> FhirReferral.read(bundle), what);
        assertEquals(element, refused.element(), what + ": " + refused.getMessage());
        assertEquals(422, refused.status());
    }

    @Test
    void aMessageWithItsHeaderIsReadAsTheTransaction() {
        Bundle message = example().setType(Bundle.BundleType.MESSAGE);
        message.getEntry().add(0, new Bundle.BundleEntryComponent().setResource(new MessageHeader()));
        FhirReferral.Referral referral = FhirReferral.read(message);
        assertEquals(FhirReferral.read(example()).body(), referral.body());
        assertEquals("Bundle.entry[1].resource.birthDate", referral.elementOf().get("patient.birthDate"));
    }

    @Test
    void anMrIdentifierWithoutSystemBeforeOursIsNoTrouble() {
        Bundle bundle = example();
        Patient p = (Patient) bundle.getEntry().get(0).getResource();
        p.getIdentifier().add(0, new org.hl7.fhir.r4.model.Identifier().setValue("LOCAL-7").setType(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", null))));
        FhirReferral.Referral referral = FhirReferral.read(bundle);
        assertEquals("N-200871", ((Map<?, ?>) referral.body().get("patient")).get("mrn"), "the site's own MRN");
        assertEquals("SPOKE-NORTH", referral.mrnSite());
    }

    @Test
    void aCtDateDisagreeingWithTheSizeMeasuredOnItIsRefusedInEitherOrder() {
        for (boolean findingFirst : new boolean[] { true, false }) {
            Bundle bundle = example();
            Observation ct = new Observation().setStatus(Observation.ObservationStatus.FINAL)
                    .setCode(new CodeableConcept(new Coding(FhirReferral.FINDINGS, "ct-abdomen-pelvis", null)))
                    .setSubject(new Reference(bundle.getEntry().get(0).getFullUrl()));
            ct.setEffective(new org.hl7.fhir.r4.model.DateTimeType("2026-10-15"));
            if (findingFirst) {
                bundle.getEntry().add(2, new Bundle.BundleEntryComponent().setResource(ct));
            } else {
                bundle.addEntry().setResource(ct);
            }
            assertThrows(FhirReferral.Refused.class, () -> FhirReferral.read(bundle), "finding first: " + findingFirst);
            ct.setEffective(new org.hl7.fhir.r4.model.DateTimeType("2026-11-01"));
            @SuppressWarnings("unchecked")
            Map<String, Object> imaging = (Map<String, Object>) FhirReferral.read(bundle).body().get("imaging");
            assertEquals("2026-11-01", imaging.get("ctAbdomenPelvisDate"), "agreeing, either order");
        }
    }

    @Test
    void aSizeMeasuredOnMriDoesNotDateTheCt() {
        Bundle bundle = example();
        observation(bundle, 2).getMethod().getCodingFirstRep().setCode("113091000");
        @SuppressWarnings("unchecked")
        Map<String, Object> imaging = (Map<String, Object>) FhirReferral.read(bundle).body().get("imaging");
        assertEquals(new BigDecimal("22.0"), imaging.get("greatestDimensionCm"));
        assertEquals(null, imaging.get("ctAbdomenPelvisDate"), "the work-up's CT is not taken from an MRI's date");
    }

    @Test
    void everyReasonAndNoteIsTheClinicalQuestion() {
        Bundle bundle = example();
        ((org.hl7.fhir.r4.model.ServiceRequest) bundle.getEntry().get(1).getResource()).addNote().setText("Weight loss 8 kg");
        assertEquals("Large left retroperitoneal mass, fat-containing\nWeight loss 8 kg", FhirReferral.read(bundle).body().get("clinicalQuestion"));
    }

    @Test
    void intakesItemFieldsNameTheirObservation() {
        Bundle bundle = example();
        Observation organ = new Observation().setStatus(Observation.ObservationStatus.FINAL)
                .setCode(new CodeableConcept(new Coding(FhirReferral.FINDINGS, "organ-abutted", null)))
                .setSubject(new Reference(bundle.getEntry().get(0).getFullUrl()));
        organ.setValue(new CodeableConcept(new Coding(FhirReferral.FINDINGS, "KIDNEY_LEFT", null)));
        bundle.addEntry().setResource(organ);
        FhirReferral.Referral referral = FhirReferral.read(bundle);
        assertEquals("Bundle.entry[10].resource.valueCodeableConcept", FhirReferrals.elementOf(referral, "imaging.organsAbutted[0]"));
        assertEquals("Bundle.entry[10].resource.valueCodeableConcept", FhirReferrals.elementOf(referral, "imaging.organsAbutted"));
        assertEquals("Bundle.entry[1].resource.extension", FhirReferrals.elementOf(referral, "confirmSecondOpenCase"),
                "where the confirmation a second open case needs goes");
        assertEquals("Bundle", FhirReferrals.elementOf(referral, "somethingIntakeAddsLater"));
    }

    @Test
    void whatTheEhrLeavesOutIsLeftForIntakeToName() {
        Bundle bundle = example();
        ((Patient) bundle.getEntry().get(0).getResource()).setBirthDateElement(null).getIdentifier().clear();
        FhirReferral.Referral referral = FhirReferral.read(bundle);
        assertEquals(List.of("givenName", "familyName", "sex"), List.copyOf(((Map<?, ?>) referral.body().get("patient")).keySet()));
        assertEquals("Bundle.entry[0].resource.identifier", referral.elementOf().get("patient.mrn"));
        assertEquals(null, referral.mrnSite());
    }
}
