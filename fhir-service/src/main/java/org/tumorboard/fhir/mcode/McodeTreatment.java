package org.tumorboard.fhir.mcode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.BodyStructure;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.tumorboard.events.PlanDecided;
import org.tumorboard.events.ResectionReported;
import org.tumorboard.events.TreatmentRecorded;
import org.tumorboard.fhir.readmodel.CaseRecord;

/**
 * The case's size, its resection and the board's plan as mCODE 4.0.0 resources (codes: fhir-service/TERMINOLOGY.md,
 * section 5). Ids derive from the case, so the same fact is the same resource on every read.
 */
public final class McodeTreatment {

    static final String UCUM = "http://unitsofmeasure.org";

    /** TumorSize's methods (mcode-tumor-size-method-vs): the referral's imaging (CT), the specimen's gross examination. */
    static final Coding CT = new Coding(AjccCodes.SNOMED, "77477000", "Computerized axial tomography (procedure)");
    static final Coding GROSS_EXAMINATION = new Coding(AjccCodes.SNOMED, "787377000",
            "Gross examination and sampling of tissue specimen (procedure)");

    /** No SNOMED CT concept for excision of a retroperitoneal tumour was found (TERMINOLOGY.md 5a): the value set's root. */
    static final Coding SURGICAL_PROCEDURE = new Coding(AjccCodes.SNOMED, "387713003", "Surgical procedure (procedure)");
    static final Coding RETROPERITONEUM = new Coding(AjccCodes.SNOMED, "82849001", "Retroperitoneal compartment structure (body structure)");

    /** The residual tumour (R) classification of the resection, as an AJCC residual tumor value (TERMINOLOGY.md 5b). */
    static final Coding RESIDUAL_TUMOR_STAGE = new Coding(AjccCodes.SNOMED, "17964000", "Residual tumor stage (observable entity)");
    static final Map<String, Coding> MARGINS = Map.of(
            "R0", new Coding(AjccCodes.SNOMED, "1222638005", "American Joint Committee on Cancer R0 (qualifier value)"),
            "R1", new Coding(AjccCodes.SNOMED, "1222639002", "American Joint Committee on Cancer R1 (qualifier value)"),
            "R2", new Coding(AjccCodes.SNOMED, "1222640000", "American Joint Committee on Cancer R2 (qualifier value)"),
            "RX", new Coding(AjccCodes.SNOMED, "1222641001", "American Joint Committee on Cancer RX (qualifier value)"));

    /** The board's options in words, for the care plan a receiving clinician reads. */
    static final Map<String, String> OPTIONS = Map.of(
            "UPFRONT_RESECTION", "Upfront resection",
            "NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION", "Neoadjuvant chemotherapy, then resection",
            "NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION", "Neoadjuvant radiotherapy, then resection",
            "NEOADJUVANT_CHEMORADIATION_THEN_RESECTION", "Neoadjuvant chemoradiation, then resection",
            PlanDecided.NOT_RESECTABLE_OPTION, "Not resectable: definitive radiotherapy or systemic therapy",
            "SYSTEMIC_THERAPY", "Systemic therapy",
            "NON_SARCOMA_PATHWAY", "Non-sarcoma pathway",
            "CLINICAL_TRIAL", "Clinical trial");

    private McodeTreatment() {
    }

    /** The system of our tumour identifiers: one retroperitoneal tumour per case, named after it. */
    public static final String TUMOR_IDENTIFIER_SYSTEM = "urn:tumorboard:tumor";

    /**
     * The case's tumour (mCODE's Tumor), in the retroperitoneum: what its sizes are of, for the primary cancer when
     * there is one.
     */
    public static BodyStructure tumor(String caseId, Reference patient, Reference condition) {
        BodyStructure tumor = new BodyStructure();
        tumor.setId(caseId + "-tumor");
        tumor.getMeta().addProfile(McodeObservations.PROFILES + "mcode-tumor");
        if (condition != null) {
            tumor.addExtension(new Extension(McodeObservations.PROFILES + "mcode-related-condition", condition.copy()));
        }
        tumor.addIdentifier(new Identifier().setUse(Identifier.IdentifierUse.USUAL)
                .setType(new CodeableConcept(new Coding("http://hl7.org/fhir/resource-types", "BodyStructure", null)))
                .setSystem(TUMOR_IDENTIFIER_SYSTEM).setValue(caseId));
        tumor.setLocation(new CodeableConcept(new Coding(McodeCase.ICD_O_3, "C48.0", "Retroperitoneum")));
        tumor.setPatient(patient.copy());
        return tumor;
    }

    /** The tumour's greatest dimension on the referral's imaging (CT, rps-reference.md work-up); empty without one. */
    public static Optional<Observation> imagingSize(String caseId, BigDecimal greatestDimensionCm, Instant at, Reference patient,
            Reference tumor) {
        return size(caseId + "-size-imaging", greatestDimensionCm, CT, at, patient, tumor);
    }

    /** The n-th specimen's greatest dimension on its resection report; empty without one. */
    public static Optional<Observation> specimenSize(String caseId, int n, ResectionReported resection, Instant at, Reference patient,
            Reference tumor) {
        return size(caseId + "-size-specimen-" + n, resection.greatestDimensionCm(), GROSS_EXAMINATION, at, patient, tumor);
    }

    /**
     * The resection's residual tumour classification: R2 when the surgeon stated gross residual disease (rps-reference.md:
     * the surgeon states it, pathology cannot make it R0), else the specimen's margin; null before either.
     */
    static String residualTumor(TreatmentRecorded surgery, ResectionReported report) {
        if (surgery != null && Boolean.TRUE.equals(surgery.grossResidualDisease())) {
            return "R2";
        }
        return report == null ? null : report.margin();
    }

    private static Optional<Observation> size(String id, BigDecimal cm, Coding method, Instant at, Reference patient, Reference tumor) {
        if (cm == null) {
            return Optional.empty();
        }
        Observation o = new Observation();
        o.setId(id);
        o.getMeta().addProfile(McodeObservations.PROFILES + "mcode-tumor-size");
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(new CodeableConcept(new Coding(McodeObservations.LOINC, "21889-1", "Size Tumor")));
        o.setSubject(patient.copy());
        o.addFocus(tumor.copy());
        o.setEffective(day(at));
        o.setMethod(new CodeableConcept(method.copy()));
        o.addComponent().setCode(new CodeableConcept(new Coding(McodeObservations.LOINC, "33728-7", "Size.maximum dimension in Tumor")))
                .setValue(new Quantity().setValue(cm).setUnit("cm").setSystem(UCUM).setCode("cm"));
        return Optional.of(o);
    }

    /**
     * The n-th resection the surgeon recorded: mCODE's cancer-related surgical procedure, for the primary cancer, in the
     * retroperitoneum, en bloc or not and the organs taken with it as notes (no code for either was found), the residual
     * tumour (R) when the surgeon or the specimen's report has said it. No intent is claimed: none is recorded.
     */
    public static Procedure resection(String caseId, int number, TreatmentRecorded surgery, ResectionReported report, Reference patient,
            Reference condition) {
        Procedure p = new Procedure();
        p.setId(caseId + "-resection-" + number);
        p.getMeta().addProfile(McodeObservations.PROFILES + "mcode-cancer-related-surgical-procedure");
        p.setStatus(Procedure.ProcedureStatus.COMPLETED);
        p.setCode(new CodeableConcept(SURGICAL_PROCEDURE.copy()).setText("Resection of the retroperitoneal tumour"));
        p.setSubject(patient.copy());
        p.setPerformed(new DateTimeType(surgery.date().toString()));
        if (condition != null) {
            p.addReasonReference(condition.copy());
        }
        p.addBodySite(new CodeableConcept(RETROPERITONEUM.copy()));
        if (surgery.enBloc() != null) {
            p.addNote(new Annotation().setText(surgery.enBloc() ? "En bloc resection" : "Not en bloc"));
        }
        if (surgery.organsResected() != null && !surgery.organsResected().isEmpty()) {
            p.addNote(new Annotation().setText("Organs resected with the tumour: " + surgery.organsResected().stream()
                    .map(McodeTreatment::words).collect(Collectors.joining(", "))));
        }
        if (Boolean.TRUE.equals(surgery.grossResidualDisease())) {
            p.addNote(new Annotation().setText("Gross residual disease stated by the surgeon"));
        }
        String residual = residualTumor(surgery, report);
        if (residual != null && MARGINS.containsKey(residual)) {
            p.setOutcome(new CodeableConcept(MARGINS.get(residual).copy()).setText("Margin " + residual));
        }
        return p;
    }

    /**
     * A resection's residual tumour classification (R0, R1, R2: {@link #residualTumor}) as a cancer stage observation;
     * empty before the surgeon or the specimen's report has said one.
     */
    public static Optional<Observation> margin(String id, ResectionReported report, TreatmentRecorded surgery, java.time.LocalDate day,
            Reference patient, Reference condition) {
        String residual = residualTumor(surgery, report);
        Coding margin = residual == null ? null : MARGINS.get(residual);
        if (margin == null) {
            return Optional.empty();
        }
        boolean surgeons = surgery != null && Boolean.TRUE.equals(surgery.grossResidualDisease());
        Observation o = new Observation();
        o.setId(id);
        o.getMeta().addProfile(McodeObservations.PROFILES + "mcode-cancer-stage");
        o.setStatus(Observation.ObservationStatus.FINAL);
        // R2 is the surgeon's statement at the operation; R0 and R1 the pathologist's finding on the specimen
        o.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/observation-category",
                surgeons ? "procedure" : "laboratory", null)));
        o.setCode(new CodeableConcept(RESIDUAL_TUMOR_STAGE.copy()));
        o.setSubject(patient.copy());
        if (day != null) {
            o.setEffective(new DateTimeType(day.toString()));
        }
        o.addFocus(condition.copy());
        o.setValue(new CodeableConcept(margin.copy()).setText(residual));
        return Optional.of(o);
    }

    /**
     * The board's n-th decision of the case: a care plan for the primary cancer, the option in words and as its code in
     * our own system, what became of it as its status, and notes.
     */
    public static CarePlan decision(String caseId, int n, PlanDecided decision, Instant at, CaseRecord.PlanStatus status,
            List<String> notes, Reference patient, Reference condition) {
        CarePlan plan = new CarePlan();
        plan.setId(caseId + "-plan-" + n);
        plan.setStatus(switch (status) {
            case ACTIVE -> CarePlan.CarePlanStatus.ACTIVE;
            case COMPLETED -> CarePlan.CarePlanStatus.COMPLETED;
            case REVOKED -> CarePlan.CarePlanStatus.REVOKED;
        });
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.addCategory(new CodeableConcept(new Coding(LocalCodes.BOARD_OPTION, decision.option(), OPTIONS.get(decision.option()))));
        plan.setTitle("Sarcoma board decision " + n);
        plan.setDescription(OPTIONS.getOrDefault(decision.option(), decision.option()));
        plan.setSubject(patient.copy());
        plan.setCreatedElement(new DateTimeType(java.util.Date.from(at), ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
                java.util.TimeZone.getTimeZone(ZoneOffset.UTC)));
        if (condition != null) {
            plan.addAddresses(condition.copy());
        }
        notes.forEach(text -> plan.addNote(new Annotation().setText(text)));
        return plan;
    }

    /**
     * How the board voted, as the decision's notes (issue 23): the votes per option and each dissenting discipline with
     * the option it voted for; who voted and why stay in board-service. A decision published before the votes were says so.
     */
    public static List<String> voteNotes(PlanDecided decision) {
        PlanDecided.Votes votes = decision.votes();
        if (votes == null) {
            return List.of("The votes are not in this record (the decision was published before votes were).");
        }
        int inFavour = votes.counts().getOrDefault(decision.option(), 0);
        StringBuilder outcome = new StringBuilder("Votes: " + inFavour + " of " + votes.cast() + " for this plan");
        votes.counts().entrySet().stream()
                .filter(e -> !e.getKey().equals(decision.option()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> outcome.append("; ").append(e.getValue()).append(" for ").append(OPTIONS.getOrDefault(e.getKey(), e.getKey())));
        outcome.append('.');
        String dissent = votes.dissent().isEmpty() ? "No dissent: the vote was unanimous."
                : "Dissent: " + String.join("; ", votes.dissent().stream()
                        .map(d -> words(d.discipline()) + " for " + OPTIONS.getOrDefault(d.option(), d.option())).toList()) + ".";
        return List.of(outcome.toString(), dissent);
    }

    private static DateTimeType day(Instant at) {
        return new DateTimeType(at.atZone(ZoneOffset.UTC).toLocalDate().toString());
    }

    private static String words(String code) {
        return code.replace('_', ' ').toLowerCase();
    }
}
