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

    /**
     * The ServiceRequest's extension: the coordinator confirms opening a second open case for a patient who has one
     * (intake's {@code confirmSecondOpenCase}, valueBoolean); without it such a referral is 409 naming the open case.
     */
    public static final String CONFIRM_SECOND_OPEN_CASE = "urn:tumorboard:fhir:StructureDefinition/confirm-second-open-case";
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
    private boolean ctDateFromSize;

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
        List<String> patientRefs = new ArrayList<>();
        if (p.getIdElement().hasIdPart()) {
            patientRefs.add("Patient/" + p.getIdElement().getIdPart());
        }
        if (entries.get(patientAt).hasFullUrl()) {
            patientRefs.add(entries.get(patientAt).getFullUrl());
        }
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
        int mrnAt = -1;
        for (int i = 0; i < p.getIdentifier().size(); i++) {
            Identifier id = p.getIdentifier().get(i);
            if (id.hasSystem() && id.getSystem().startsWith(MRN_SYSTEM)) {
                String site = id.getSystem().substring(MRN_SYSTEM.length());
                if (mrnSite != null && !mrnSite.equals(site)) {
                    throw new Refused(422, element + ".identifier[" + i + "].system", "the patient's MRNs name two sites: "
                            + mrnSite + " and " + site + "; a referral is from one");
                }
                mrnSite = site;
                Identifier chosen = mrnAt < 0 ? null : p.getIdentifier().get(mrnAt);
                mrnAt = chosen == null || !(chosen.hasSystem() && chosen.getSystem().startsWith(MRN_SYSTEM)) ? i : mrnAt;
            } else if (mrnAt < 0 && id.getType().getCoding().stream().anyMatch(c -> "MR".equals(c.getCode()))) {
                mrnAt = i;
            }
        }
        if (mrnAt >= 0) {
            put(patient, "mrn", p.getIdentifier().get(mrnAt).getValue(), "patient.mrn", element + ".identifier[" + mrnAt + "].value");
            elementOf.put("referringSite", element + ".identifier[" + mrnAt + "]");
        }
        elementOf.putIfAbsent("referringSite", element + ".identifier");
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
        if (request.getStatus() != ServiceRequest.ServiceRequestStatus.ACTIVE) {
            throw new Refused(422, element + ".status", "a referral to act on is active, not " + request.getStatus());
        }
        // every reason and note the referrer wrote, in order: the clinical question is all of it
        List<String> texts = new ArrayList<>();
        request.getReasonCode().stream().filter(CodeableConcept::hasText).forEach(r -> texts.add(r.getText()));
        request.getNote().stream().filter(n -> n.hasText()).forEach(n -> texts.add(n.getText()));
        boolean reasons = request.getReasonCode().stream().anyMatch(CodeableConcept::hasText);
        put(body, "clinicalQuestion", texts.isEmpty() ? null : String.join("\n", texts), "clinicalQuestion",
                element + (reasons ? ".reasonCode" : ".note"));
        flag(request, NEOADJUVANT_CONSIDERED, "neoadjuvantConsidered", element);
        flag(request, CONFIRM_SECOND_OPEN_CASE, "confirmSecondOpenCase", element);
    }

    /** A yes/no extension of the ServiceRequest, as intake's boolean field of that name. */
    private void flag(ServiceRequest request, String url, String field, String element) {
        List<Extension> given = request.getExtensionsByUrl(url);
        if (given.size() > 1) {
            throw new Refused(422, element + ".extension", url + " is given twice");
        }
        Extension extension = given.isEmpty() ? null : given.get(0);
        if (extension != null) {
            if (!(extension.getValue() instanceof BooleanType b)) {
                throw new Refused(422, element + ".extension", url + " takes a valueBoolean");
            }
            body.put(field, b.getValue());
        }
        elementOf.put(field, element + ".extension");

    }

    private void observation(Observation o, String element, List<String> patientRefs) {
        subjectIs(o.getSubject(), patientRefs, element + ".subject");
        if (o.getStatus() != Observation.ObservationStatus.FINAL && o.getStatus() != Observation.ObservationStatus.AMENDED
                && o.getStatus() != Observation.ObservationStatus.CORRECTED) {
            throw new Refused(422, element + ".status", "a finding the referral relies on is final, amended or corrected, not "
                    + o.getStatus());
        }
        Coding code = o.getCode().getCoding().stream()
                .filter(c -> LOINC.equals(c.getSystem()) && "21889-1".equals(c.getCode()) || FINDINGS.equals(c.getSystem()))
                .findFirst().orElseThrow(() -> new Refused(422, element + ".code",
                        "an Observation this referral cannot place: mCODE's TumorSize (LOINC 21889-1) or a finding of " + FINDINGS));
        if (LOINC.equals(code.getSystem())) {
            tumorSize(o, element);
            return;
        }
        if (!code.hasCode()) {
            throw new Refused(422, element + ".code", "a finding of " + FINDINGS + " names its code");
        }
        switch (code.getCode()) {
            case "ct-abdomen-pelvis" -> {
                if (ctDateFromSize && day(o, element).equals(imaging.get("ctAbdomenPelvisDate"))) {
                    return; // the CT the size was measured on, said again
                }
                if (ctDateFromSize) {
                    throw new Refused(422, element + ".effectiveDateTime", "the CT's date disagrees with the TumorSize measured on it");
                }
                putDate(imaging, "ctAbdomenPelvisDate", o, element, "imaging.ctAbdomenPelvisDate");
            }
            case "chest-imaging" -> {
                if (imaging.containsKey("chestImaging")) {
                    throw new Refused(422, element, "imaging.chestImaging is given twice (also at "
                            + elementOf.get("imaging.chestImaging.modality") + ")");
                }
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
            case "organ-abutted" -> listed("organsAbutted", concept(o, element), element + ".valueCodeableConcept");
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
                listed("vesselInvolvement", vessel, element);
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
            if (q.hasComparator()) {
                throw new Refused(422, at + ".comparator", "the greatest dimension is a measurement, not a bound ("
                        + q.getComparator().toCode() + ")");
            }
            BigDecimal cm = switch (q.hasCode() ? q.getCode() : q.getUnit() == null ? "" : q.getUnit()) {
                case "cm" -> q.getValue();
                case "mm" -> q.getValue().movePointLeft(1);
                default -> throw new Refused(422, at + ".code", "the greatest dimension is in cm or mm (UCUM)");
            };
            put(imaging, "greatestDimensionCm", cm, "imaging.greatestDimensionCm", at);
            boolean onCt = o.getMethod().getCoding().stream().anyMatch(k -> "http://snomed.info/sct".equals(k.getSystem())
                    && "77477000".equals(k.getCode()));
            if (onCt && o.hasEffectiveDateTimeType()) {
                // measured on the CT of the abdomen and pelvis: its date is the CT's (a ct-abdomen-pelvis finding may say it
                // too, before or after, and must agree)
                String ct = day(o, element);
                Object said = imaging.get("ctAbdomenPelvisDate");
                if (said != null && !said.equals(ct)) {
                    throw new Refused(422, element + ".effectiveDateTime", "the CT's date disagrees with the TumorSize measured on it");
                }
                ctDateFromSize = true;
                imaging.put("ctAbdomenPelvisDate", ct);
                elementOf.putIfAbsent("imaging.ctAbdomenPelvisDate", element + ".effectiveDateTime");
            }
            return;
        }
        throw new Refused(422, element + ".component", "a TumorSize gives the greatest dimension (LOINC 33728-7)");
    }

    /** One more item of a list field; intake names an item by its index, as {@code imaging.organsAbutted[2]}. */
    private void listed(String field, Object item, String element) {
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) imaging.computeIfAbsent(field, k -> new ArrayList<>());
        elementOf.put("imaging." + field + "[" + list.size() + "]", element);
        elementOf.putIfAbsent("imaging." + field, element);
        list.add(item);
    }

    private void putDate(Map<String, Object> into, String key, Observation o, String element, String field) {
        put(into, key, day(o, element), field, element + ".effectiveDateTime");
    }

    private static String day(Observation o, String element) {
        if (!o.hasEffectiveDateTimeType()) {
            throw new Refused(422, element + ".effectiveDateTime", "the finding is dated (effectiveDateTime)");
        }
        String value = o.getEffectiveDateTimeType().getValueAsString();
        if (value == null || value.length() < 10) {
            throw new Refused(422, element + ".effectiveDateTime", "the finding is dated to the day, not " + value);
        }
        return LocalDate.parse(value.substring(0, 10)).toString();
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

    /** One field's value; a second value for the same field is refused (which of two findings is the referral's?). */
    private void put(Map<String, Object> into, String key, Object value, String field, String element) {
        if (value != null) {
            if (into.containsKey(key)) {
                throw new Refused(422, element, field + " is given twice (also at " + elementOf.get(field) + ")");
            }
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
