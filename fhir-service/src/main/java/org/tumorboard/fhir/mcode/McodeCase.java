package org.tumorboard.fhir.mcode;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.tumorboard.events.BiopsyReported;

/**
 * The case's patient and primary cancer as mCODE 4.0.0 resources (issue 23, items 2 and 3). The facade holds no
 * identity: the patient here is the case, identified by its case id, with its name marked as withheld (a data-absent
 * reason), its gender "unknown" and no birth date; the service fills them from intake at request time for the roles that may see
 * identity.
 */
public final class McodeCase {

    public static final String CASE_IDENTIFIER_SYSTEM = "urn:tumorboard:case";
    static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";
    static final String ICD_O_3 = "http://terminology.hl7.org/CodeSystem/icd-o-3";
    static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";

    /**
     * The sarcoma's morphology and behaviour in ICD-O-3 (fhir-service/TERMINOLOGY.md). Undifferentiated pleomorphic sarcoma
     * has no code here yet (no source tied it to one), and a solitary fibrous tumor's behaviour (8815/1, or /3 when
     * malignant) is not in the report: their conditions go without the morphology extension.
     */
    static final Map<String, Coding> MORPHOLOGY = Map.of(
            "WELL_DIFFERENTIATED_LIPOSARCOMA", new Coding(ICD_O_3, "8851/3", "Liposarcoma, well differentiated"),
            "DEDIFFERENTIATED_LIPOSARCOMA", new Coding(ICD_O_3, "8858/3", "Dedifferentiated liposarcoma"),
            "LEIOMYOSARCOMA", new Coding(ICD_O_3, "8890/3", "Leiomyosarcoma, NOS"),
            "MPNST", new Coding(ICD_O_3, "9540/3", "Malignant peripheral nerve sheath tumor"),
            "OTHER_SARCOMA", new Coding(ICD_O_3, "8800/3", "Sarcoma, NOS"));

    private McodeCase() {
    }

    /** The case as mCODE's cancer patient, without identity. */
    public static Patient patientWithoutIdentity(String caseId) {
        Patient p = new Patient();
        p.setId(caseId);
        p.getMeta().addProfile(McodeObservations.PROFILES + "mcode-cancer-patient");
        p.addIdentifier(new Identifier().setSystem(CASE_IDENTIFIER_SYSTEM).setValue(caseId));
        HumanName name = new HumanName();
        name.addExtension(withheld());
        p.addName(name);
        // mCODE's patient needs a gender code (1..1, required binding; a data-absent reason alone is refused): "unknown"
        // is what this reader may know of it
        p.setGender(org.hl7.fhir.r4.model.Enumerations.AdministrativeGender.UNKNOWN);
        return p;
    }

    /** The primary cancer a biopsy diagnosed: a retroperitoneal sarcoma; empty for a biopsy that found none. */
    public static Optional<Condition> primaryCancer(String caseId, BiopsyReported biopsy, Instant diagnosedAt, Reference patient) {
        if ("NOT_SARCOMA".equals(biopsy.histology())) {
            return Optional.empty();
        }
        Condition c = new Condition();
        c.setId(caseId + "-primary");
        c.getMeta().addProfile(McodeObservations.PROFILES + "mcode-primary-cancer-condition");
        Coding morphology = MORPHOLOGY.get(biopsy.histology());
        if (morphology != null) {
            c.addExtension(new Extension(McodeObservations.PROFILES + "mcode-histology-morphology-behavior",
                    new CodeableConcept(morphology.copy())));
        }
        // the date of diagnosis, a day (UTC), where mCODE's examples put it and as the date the diagnosis was asserted
        DateTimeType diagnosed = new DateTimeType(diagnosedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
        c.addExtension(new Extension("http://hl7.org/fhir/StructureDefinition/condition-assertedDate", diagnosed));
        c.setOnset(diagnosed.copy());
        c.setClinicalStatus(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
        c.setVerificationStatus(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", "confirmed", null)));
        c.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/condition-category", "problem-list-item", null)));
        c.setCode(new CodeableConcept(new Coding(ICD_10_CM, "C48.0", "Malignant neoplasm of retroperitoneum"))
                .addCoding(new Coding(AjccCodes.SNOMED, "363346000", "Malignant neoplastic disease (disorder)")));
        c.addBodySite(new CodeableConcept(new Coding(ICD_O_3, "C48.0", "Retroperitoneum")));
        c.setSubject(patient.copy());
        return Optional.of(c);
    }

    private static Extension withheld() {
        return new Extension(DATA_ABSENT_REASON, new CodeType("masked"));
    }
}
