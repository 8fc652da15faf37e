package org.tumorboard.fhir.mcode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.tumorboard.events.BiopsyReported;
import org.tumorboard.events.CaseStaged;

/**
 * A case's staging, grade and surveillance findings as mCODE 4.0.0 observations, each claiming its profile (issue 23,
 * item 2). Built from the facts the services publish; the patient and the primary cancer condition are given as
 * references (the facade holds no identity). Ids are derived from the case, so the same fact gives the same resource.
 */
public final class McodeObservations {

    public static final String PROFILES = "http://hl7.org/fhir/us/mcode/StructureDefinition/";
    static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String LOINC = "http://loinc.org";
    static final String NCIT = "http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl";

    /** The grade as mCODE's histologic grade value set has it (FNCLCC 1, 2, 3 = low, intermediate, high). */
    static final Map<String, Coding> GRADES = Map.of(
            "G1", new Coding(AjccCodes.SNOMED, "1155708003", "Low histologic grade (qualifier value)"),
            "G2", new Coding(AjccCodes.SNOMED, "1286893008", "Intermediate histologic grade (qualifier value)"),
            "G3", new Coding(AjccCodes.SNOMED, "1155707008", "High histologic grade (qualifier value)"));

    /** The FNCLCC grading system (SNOMED CT, New Zealand CanShare's grading value set; see fhir-service/README.md). */
    static final Coding FNCLCC = new Coding(AjccCodes.SNOMED, "426757001", null);

    /** A surveillance visit's outcome as a cancer disease status (mCODE's condition status trend, its maximum value set). */
    static final Map<String, Coding> DISEASE_STATUS = Map.of(
            "NO_EVIDENCE_OF_DISEASE", new Coding(AjccCodes.SNOMED, "103338009", "In full remission (qualifier value)"),
            "LOCAL_RECURRENCE", new Coding(AjccCodes.SNOMED, "271299001", "Patient's condition worsened (finding)"),
            "DISTANT_METASTASIS", new Coding(AjccCodes.SNOMED, "399409002", "Distant metastasis present (finding)"));

    /** Surveillance visits judge the disease on imaging (rps-reference.md, surveillance). */
    static final Coding IMAGING_EVIDENCE = new Coding(AjccCodes.SNOMED, "363679005", "Imaging (procedure)");

    private McodeObservations() {
    }

    /**
     * A staging's category observations (T, N and M for a clinical staging, M for a pathologic one) and its stage group,
     * which names them as members; empty for a staging mCODE cannot carry here (yp, r: {@link AjccCodes}).
     */
    public static List<Observation> staging(String caseId, CaseStaged staged, Instant at, Reference patient, Reference condition) {
        String prefix = staged.prefix();
        if (!AjccCodes.exported(prefix)) {
            return List.of();
        }
        List<Observation> members = new ArrayList<>();
        if ("c".equals(prefix)) {
            // a pathologic staging's T and N may be clinical values (no specimen size, no nodes examined) and the event
            // does not say which: pT and pN are not claimed until it does; the pathologic stage group still is
            category(caseId, prefix, AjccCodes.Part.T, staged.t(), "mcode-tnm-primary-tumor-category", at, patient, condition)
                    .ifPresent(members::add);
            category(caseId, prefix, AjccCodes.Part.N, staged.n(), "mcode-tnm-regional-nodes-category", at, patient, condition)
                    .ifPresent(members::add);
        }
        category(caseId, prefix, AjccCodes.Part.M, staged.m(), "mcode-tnm-distant-metastases-category", at, patient, condition)
                .ifPresent(members::add);
        List<Observation> all = new ArrayList<>(members);
        category(caseId, prefix, AjccCodes.Part.GROUP, staged.group(), "mcode-tnm-stage-group", at, patient, condition).ifPresent(group -> {
            members.forEach(member -> group.addHasMember(new Reference("Observation/" + member.getIdElement().getIdPart())));
            all.add(group);
        });
        return all;
    }

    private static Optional<Observation> category(String caseId, String prefix, AjccCodes.Part part, String value, String profile,
            Instant at, Reference patient, Reference condition) {
        Optional<Coding> code = AjccCodes.observationCode(prefix, part, value);
        Optional<Coding> coded = AjccCodes.value(prefix, part, value);
        if (code.isEmpty() || coded.isEmpty()) {
            return Optional.empty(); // a stage group is never exported without its value (the profile would allow it)
        }
        Observation o = observation(caseId + "-" + prefix + "-" + part.name().toLowerCase(), profile, patient, at);
        o.addCategory(new CodeableConcept(new Coding(CATEGORY, "imaging", null))); // as mCODE's examples, c and p alike
        o.setCode(new CodeableConcept(code.get()));
        o.addFocus(condition.copy());
        o.setValue(new CodeableConcept(coded.get()));
        o.setMethod(new CodeableConcept(AjccCodes.AJCC_8.copy()));
        return Optional.of(o);
    }

    /** The biopsy's FNCLCC grade; empty for a grade mCODE's value set has no code for (GX). */
    public static Optional<Observation> histologicGrade(String caseId, BiopsyReported report, Instant at, Reference patient,
            Reference condition) {
        Coding grade = GRADES.get(report.grade());
        if (grade == null) {
            return Optional.empty();
        }
        Observation o = observation(caseId + "-grade", "mcode-histologic-grade", patient, at);
        o.addExtension(new Extension(PROFILES + "mcode-related-condition", condition.copy()));
        o.addCategory(new CodeableConcept(new Coding(CATEGORY, "laboratory", null)));
        o.setCode(new CodeableConcept(new Coding(NCIT, "C18000", "Histologic Grade")));
        o.setValue(new CodeableConcept(grade.copy()).setText("FNCLCC grade " + report.grade().substring(1)));
        o.setMethod(new CodeableConcept(FNCLCC.copy()));
        return Optional.of(o);
    }

    /** The case's n-th surveillance visit: the disease status the visit found, on the visit's day. */
    public static Observation diseaseStatus(String caseId, int n, LocalDate day, String outcome, Reference patient,
            Reference condition) {
        Coding status = DISEASE_STATUS.get(outcome);
        if (status == null) {
            throw new IllegalArgumentException("no disease status for the visit outcome " + outcome);
        }
        if (day == null) {
            throw new IllegalArgumentException("a surveillance finding needs its visit's date");
        }
        Observation o = observation(caseId + "-status-" + n, "mcode-cancer-disease-status", patient, null);
        o.setEffective(new DateTimeType(day.toString()));
        o.addExtension(new Extension(PROFILES + "mcode-cancer-disease-status-evidence-type", new CodeableConcept(IMAGING_EVIDENCE.copy())));
        o.setCode(new CodeableConcept(new Coding(LOINC, "97509-4", "Cancer disease status")));
        o.addFocus(condition.copy());
        o.setValue(new CodeableConcept(status.copy()).setText(outcome.replace('_', ' ').toLowerCase()));
        return o;
    }

    /** An observation of the case's patient; {@code profile} null for one mCODE has no profile for. */
    static Observation observation(String id, String profile, Reference patient, Instant at) {
        Observation o = new Observation();
        o.setId(id);
        if (profile != null) {
            o.getMeta().addProfile(PROFILES + profile);
        }
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setSubject(patient.copy());
        if (at != null) {
            o.setEffective(new DateTimeType(Date.from(at), ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND, java.util.TimeZone.getTimeZone(ZoneOffset.UTC)));
        }
        return o;
    }
}
