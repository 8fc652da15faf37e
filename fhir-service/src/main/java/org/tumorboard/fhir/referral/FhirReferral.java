package org.tumorboard.fhir.referral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * A spoke EHR's referral Bundle (issue 23, item 5) read as intake's {@code POST /api/referrals} body (api-contract.md),
 * with the FHIR element each field came from, so that intake's problems name the element the EHR sent. Pure. What
 * this reader cannot place is refused, never dropped: a finding silently lost would change the work-up.
 * <p>
 * The Bundle ({@code transaction}, or {@code message} with its MessageHeader first) holds one Patient, one
 * ServiceRequest (the referral, for that Patient) and Observations of that Patient: mCODE's TumorSize (LOINC 21889-1,
 * greatest dimension 33728-7 in cm or mm, dated by the CT) and the findings of {@link #FINDINGS} (fhir-service/README.md).
 */
public final class FhirReferral {

    /** Our code system for the referral's findings that no standard code was found for. */
    public static final String FINDINGS = "urn:tumorboard:codesystem:referral-finding";
    /** The ServiceRequest's extension: whether the referrer considers neoadjuvant therapy (valueBoolean). */
    public static final String NEOADJUVANT_CONSIDERED = "urn:tumorboard:fhir:StructureDefinition/neoadjuvant-considered";
    /** The system of a referring site's medical record numbers; the site's code follows. */
    public static final String MRN_SYSTEM = "urn:tumorboard:mrn:";

    static final String LOINC = "http://loinc.org";

    /**
     * What the EHR sent could not be read as a referral: the element, why, and the HTTP status (400 or 422, which the
     * audit trail records too).
     */
    public static final class Refused extends jakarta.ws.rs.WebApplicationException {
        private final String element;
        private final int status;

        Refused(int status, String element, String message) {
            super(message, status);
            this.element = element;
            this.status = status;
        }

        public String element() {
            return element;
        }

        public int status() {
            return status;
        }
    }

    /**
     * The referral: intake's body, the element of each field ("imaging.greatestDimensionCm" -> the Observation's
     * component), and the site the patient's MRN belongs to (null when the identifier does not say).
     */
    public record Referral(Map<String, Object> body, Map<String, String> elementOf, String mrnSite) {
    }

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final Map<String, Object> patient = new LinkedHashMap<>();
    private final Map<String, Object> imaging = new LinkedHashMap<>();
    private final Map<String, String> elementOf = new LinkedHashMap<>();
    private String mrnSite;

    private FhirReferral() {
    }

    public static Referral read(Bundle bundle) {
        return new FhirReferral().map(bundle);
    }

    private Referral map(Bundle bundle) {
        if (bundle.getType() != Bundle.BundleType.TRANSACTION && bundle.getType() != Bundle.BundleType.MESSAGE) {
            throw new Refused(422, "Bundle.type", "a referral is a transaction or message Bundle, not " + bundle.getType());
        }
        List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
        if (bundle.getType() == Bundle.BundleType.MESSAGE
                && (entries.isEmpty() || !"MessageHeader".equals(entries.get(0).getResource() == null ? null : entries.get(0).getResource().fhirType()))) {
            throw new Refused(422, "Bundle.entry[0]", "a message Bundle begins with its MessageHeader");
        }
        int patientAt = only(entries, "Patient");
        int requestAt = only(entries, "ServiceRequest");
        Patient p = (Patient) entries.get(patientAt).getResource();
        String patientElement = "Bundle.entry[" + patientAt + "].resource";
        patient(p, patientElement);
        List<String> patientRefs = List.of("Patient/" + p.getIdElement().getIdPart(), entries.get(patientAt).getFullUrl());
        ServiceRequest request = (ServiceRequest) entries.get(requestAt).getResource();
        request(request, "Bundle.entry[" + requestAt + "].resource", patientRefs);
        for (int i = 0; i < entries.size(); i++) {
            Resource resource = entries.get(i).getResource();
            String element = "Bundle.entry[" + i + "].resource";
            if (resource == null) {
                throw new Refused(422, "Bundle.entry[" + i + "]", "an entry without a resource");
            }
            switch (resource.fhirType()) {
                case "Patient", "ServiceRequest", "MessageHeader" -> { }
                case "Observation" -> observation((Observation) resource, element, patientRefs);
                default -> throw new Refused(422, element, "a referral carries no " + resource.fhirType()
                        + " (a Patient, a ServiceRequest and Observations)");
            }
        }
        body.put("patient", patient);
        body.put("imaging", imaging);
        return new Referral(body, Map.copyOf(elementOf), mrnSite);
    }

    private static int only(List<Bundle.BundleEntryComponent> entries, String type) {
        int found = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).getResource() != null && type.equals(entries.get(i).getResource().fhirType())) {
                if (found >= 0) {
                    throw new Refused(422, "Bundle.entry[" + i + "]", "a referral carries exactly one " + type);
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new Refused(422, "Bundle.entry", "a referral carries a " + type);
        }
        return found;
    }

    private void patient(Patient p, String element) {
        for (int i = 0; i < p.getIdentifier().size(); i++) {
            Identifier id = p.getIdentifier().get(i);
            boolean ours = id.hasSystem() && id.getSystem().startsWith(MRN_SYSTEM);
            boolean typedMr = id.getType().getCoding().stream().anyMatch(c -> "MR".equals(c.getCode()));
            if (ours || typedMr) {
                put(patient, "mrn", id.getValue(), "patient.mrn", element + ".identifier[" + i + "].value");
                if (ours) {
                    mrnSite = id.getSystem().substring(MRN_SYSTEM.length());
                }
                break;
            }
        }
        elementOf.putIfAbsent("patient.mrn", element + ".identifier");
        if (p.hasName()) {
            put(patient, "givenName", p.getNameFirstRep().getGivenAsSingleString(), "patient.givenName", element + ".name[0].given");
            put(patient, "familyName", p.getNameFirstRep().getFamily(), "patient.familyName", element + ".name[0].family");
        }
        elementOf.putIfAbsent("patient.givenName", element + ".name");
        elementOf.putIfAbsent("patient.familyName", element + ".name");
        if (p.hasBirthDateElement()) {
            put(patient, "birthDate", p.getBirthDateElement().getValueAsString(), "patient.birthDate", element + ".birthDate");
        }
        elementOf.putIfAbsent("patient.birthDate", element + ".birthDate");
        if (p.hasGender()) {
            put(patient, "sex", p.getGender().toCode().toUpperCase(java.util.Locale.ROOT), "patient.sex", element + ".gender");
        }
        elementOf.putIfAbsent("patient.sex", element + ".gender");
    }

    private void request(ServiceRequest request, String element, List<String> patientRefs) {
        subjectIs(request.getSubject(), patientRefs, element + ".subject");
        String question = request.hasReasonCode() && request.getReasonCodeFirstRep().hasText() ? request.getReasonCodeFirstRep().getText()
                : request.hasNote() ? request.getNoteFirstRep().getText() : null;
        put(body, "clinicalQuestion", question, "clinicalQuestion",
                element + (request.hasReasonCode() && request.getReasonCodeFirstRep().hasText() ? ".reasonCode[0].text" : ".note[0].text"));
        Extension neoadjuvant = request.getExtensionByUrl(NEOADJUVANT_CONSIDERED);
        if (neoadjuvant != null) {
            if (!(neoadjuvant.getValue() instanceof BooleanType b)) {
                throw new Refused(422, element + ".extension", NEOADJUVANT_CONSIDERED + " takes a valueBoolean");
            }
            body.put("neoadjuvantConsidered", b.getValue());
        }
        elementOf.put("neoadjuvantConsidered", element + ".extension");
        elementOf.put("referringSite", element + ".requester");
    }

    private void observation(Observation o, String element, List<String> patientRefs) {
        subjectIs(o.getSubject(), patientRefs, element + ".subject");
        Coding code = o.getCode().getCoding().stream()
                .filter(c -> LOINC.equals(c.getSystem()) && "21889-1".equals(c.getCode()) || FINDINGS.equals(c.getSystem()))
                .findFirst().orElseThrow(() -> new Refused(422, element + ".code",
                        "an Observation this referral cannot place: mCODE's TumorSize (LOINC 21889-1) or a finding of " + FINDINGS));
        if (LOINC.equals(code.getSystem())) {
            tumorSize(o, element);
            return;
        }
        switch (code.getCode()) {
            case "ct-abdomen-pelvis" -> putDate(imaging, "ctAbdomenPelvisDate", o, element, "imaging.ctAbdomenPelvisDate");
            case "chest-imaging" -> {
                Map<String, Object> chest = new LinkedHashMap<>();
                put(chest, "modality", concept(o, element), "imaging.chestImaging.modality", element + ".valueCodeableConcept");
                putDate(chest, "date", o, element, "imaging.chestImaging.date");
                imaging.put("chestImaging", chest);
            }
            case "side" -> put(imaging, "side", concept(o, element), "imaging.side", element + ".valueCodeableConcept");
            case "compartment" -> put(imaging, "compartment", concept(o, element), "imaging.compartment", element + ".valueCodeableConcept");
            case "suspected-non-sarcoma" -> put(imaging, "suspectedNonSarcoma", concept(o, element), "imaging.suspectedNonSarcoma",
                    element + ".valueCodeableConcept");
            case "macroscopic-fat" -> put(imaging, "macroscopicFat", bool(o, element), "imaging.macroscopicFat", element + ".valueBoolean");
            case "solid-enhancing-component" -> put(imaging, "solidEnhancingComponent", bool(o, element), "imaging.solidEnhancingComponent",
                    element + ".valueBoolean");
            case "suspicious-nodes" -> put(imaging, "suspiciousNodes", bool(o, element), "imaging.suspiciousNodes", element + ".valueBoolean");
            case "distant-lesions" -> put(imaging, "distantLesions", bool(o, element), "imaging.distantLesions", element + ".valueBoolean");
            case "organ-abutted" -> list("organsAbutted").add(concept(o, element));
            case "vessel-involvement" -> {
                String extent = o.getComponent().stream()
                        .filter(c -> c.getCode().getCoding().stream().anyMatch(k -> FINDINGS.equals(k.getSystem()) && "extent".equals(k.getCode())))
                        .findFirst().filter(c -> c.getValue() instanceof CodeableConcept)
                        .map(c -> ((CodeableConcept) c.getValue()).getCodingFirstRep().getCode())
                        .orElseThrow(() -> new Refused(422, element + ".component", "a vessel involvement gives its extent as a component "
                                + FINDINGS + "#extent"));
                Map<String, Object> vessel = new LinkedHashMap<>();
                vessel.put("vessel", concept(o, element));
                vessel.put("extent", extent);
                list("vesselInvolvement").add(vessel);
            }
            default -> throw new Refused(422, element + ".code", "a finding " + FINDINGS + " does not define: " + code.getCode());
        }
    }

    private void tumorSize(Observation o, String element) {
        for (int i = 0; i < o.getComponent().size(); i++) {
            Observation.ObservationComponentComponent c = o.getComponent().get(i);
            boolean longest = c.getCode().getCoding().stream().anyMatch(k -> LOINC.equals(k.getSystem()) && "33728-7".equals(k.getCode()));
            if (!longest) {
                continue;
            }
            String at = element + ".component[" + i + "].valueQuantity";
            if (!(c.getValue() instanceof Quantity q) || q.getValue() == null) {
                throw new Refused(422, at, "the greatest dimension is a Quantity in cm or mm");
            }
            BigDecimal cm = switch (q.hasCode() ? q.getCode() : q.getUnit() == null ? "" : q.getUnit()) {
                case "cm" -> q.getValue();
                case "mm" -> q.getValue().movePointLeft(1);
                default -> throw new Refused(422, at + ".code", "the greatest dimension is in cm or mm (UCUM)");
            };
            put(imaging, "greatestDimensionCm", cm, "imaging.greatestDimensionCm", at);
            if (o.hasEffectiveDateTimeType()) {
                imaging.putIfAbsent("ctAbdomenPelvisDate", day(o, element));
                elementOf.putIfAbsent("imaging.ctAbdomenPelvisDate", element + ".effectiveDateTime");
            }
            return;
        }
        throw new Refused(422, element + ".component", "a TumorSize gives the greatest dimension (LOINC 33728-7)");
    }

    private List<Object> list(String field) {
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) imaging.computeIfAbsent(field, k -> new ArrayList<>());
        return list;
    }

    private void putDate(Map<String, Object> into, String key, Observation o, String element, String field) {
        put(into, key, day(o, element), field, element + ".effectiveDateTime");
    }

    private static String day(Observation o, String element) {
        if (!o.hasEffectiveDateTimeType()) {
            throw new Refused(422, element + ".effectiveDateTime", "the finding is dated (effectiveDateTime)");
        }
        String value = o.getEffectiveDateTimeType().getValueAsString();
        return LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value).toString();
    }

    private static String concept(Observation o, String element) {
        if (!(o.getValue() instanceof CodeableConcept concept) || !concept.getCodingFirstRep().hasCode()) {
            throw new Refused(422, element + ".valueCodeableConcept", "the finding's value is a coded concept");
        }
        return concept.getCodingFirstRep().getCode();
    }

    private static Boolean bool(Observation o, String element) {
        if (!(o.getValue() instanceof BooleanType b)) {
            throw new Refused(422, element + ".valueBoolean", "the finding's value is a boolean");
        }
        return b.getValue();
    }

    private void put(Map<String, Object> into, String key, Object value, String field, String element) {
        if (value != null) {
            into.put(key, value);
        }
        elementOf.put(field, element);
    }

    private static void subjectIs(Reference subject, List<String> patientRefs, String element) {
        if (!subject.hasReference() || !patientRefs.contains(subject.getReference())) {
            throw new Refused(422, element, "must refer to the Bundle's Patient");
        }
    }
}
