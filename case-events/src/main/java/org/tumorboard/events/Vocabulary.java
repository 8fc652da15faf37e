package org.tumorboard.events;

import java.util.List;

/**
 * The enumerations of the public contract (api-contract.md) that more than one module spells: the owning service's enum
 * is the source, this is its shared spelling, and the web app takes its choices from here instead of copying them. Each
 * service's {@code VocabularyTest} fails when one of its enums gains, loses or reorders a value that this list does not,
 * so a new value reaches the web app's forms before it can be sent.
 */
public final class Vocabulary {

    private Vocabulary() {
    }

    /** intake-service. */
    public static final class Intake {

        public static final List<String> CASE_STATUSES = List.of("REFERRED", "WORKUP", "BIOPSY", "DIAGNOSED", "STAGED",
                "BOARD_SCHEDULED", "PLAN_DECIDED", "NEOADJUVANT", "SURGERY", "SURVEILLANCE", "RECURRENCE", "DISCHARGED",
                "NOT_SARCOMA", "UNRESECTABLE", "WITHDRAWN");
        public static final List<String> SEXES = List.of("FEMALE", "MALE", "OTHER", "UNKNOWN");
        public static final List<String> SIDES = List.of("LEFT", "RIGHT", "MIDLINE", "BILATERAL");
        public static final List<String> COMPARTMENTS = List.of("ANTERIOR_PARARENAL", "PERIRENAL", "POSTERIOR_PARARENAL");
        public static final List<String> CHEST_MODALITIES = List.of("CT", "RADIOGRAPH");
        public static final List<String> SUSPECTED_NON_SARCOMAS = List.of("LYMPHOMA", "GIST", "GERM_CELL", "CARCINOMA",
                "PARAGANGLIOMA");
        public static final List<String> VESSELS = List.of("AORTA", "IVC", "SMA", "SMV", "CELIAC_TRUNK", "PORTAL_VEIN",
                "RENAL_ARTERY", "RENAL_VEIN", "ILIAC_ARTERY", "ILIAC_VEIN", "OTHER");
        public static final List<String> VESSEL_EXTENTS = List.of("ABUTMENT", "ENCASEMENT");

        private Intake() {
        }
    }

    /** pathology-service. */
    public static final class Pathology {

        public static final List<String> SPECIMEN_TYPES = List.of("CORE_NEEDLE", "FINE_NEEDLE_ASPIRATION", "OPEN_INCISIONAL",
                "EXCISIONAL");
        public static final List<String> HISTOLOGIES = List.of("WELL_DIFFERENTIATED_LIPOSARCOMA", "DEDIFFERENTIATED_LIPOSARCOMA",
                "LEIOMYOSARCOMA", "MPNST", "SOLITARY_FIBROUS_TUMOR", "UNDIFFERENTIATED_PLEOMORPHIC_SARCOMA", "OTHER_SARCOMA",
                "NOT_SARCOMA");
        public static final List<String> MARKERS = List.of("MDM2", "CDK4", "PAN_CYTOKERATIN", "PAX8", "CD45", "CHROMOGRANIN",
                "SYNAPTOPHYSIN", "KIT", "DOG1", "SALL4", "OCT3_4", "DESMIN", "SMA", "H_CALDESMON", "S100", "H3K27ME3", "STAT6");
        public static final List<String> MARKER_RESULTS = List.of("POSITIVE", "NEGATIVE", "EQUIVOCAL");
        public static final List<String> MOLECULAR_METHODS = List.of("FISH", "NGS", "PCR", "OTHER");
        public static final List<String> MARGINS = List.of(Margins.R0, Margins.R1, Margins.R2);
        public static final List<String> REPORT_KINDS = List.of(ReportAmended.BIOPSY, ReportAmended.RESECTION);

        private Pathology() {
        }
    }

    /** staging-service (AJCC 8th edition, retroperitoneum; rps-reference.md section 4). */
    public static final class Staging {
        /** Clinical, pathologic, after neoadjuvant therapy, recurrence. */
        public static final List<String> PREFIXES = List.of("c", "p", "yp", "r");
        public static final List<String> T = List.of("T1", "T2", "T3", "T4");
        public static final List<String> N = List.of("N0", "N1");
        public static final List<String> M = List.of("M0", "M1");
        public static final List<String> GROUPS = List.of("IA", "IB", "II", "IIIA", "IIIB", "IV");
        public static final List<String> FAILURE_PATTERNS = List.of("LOCAL_DOMINANT", "DISTANT_DOMINANT", "LOCAL_AND_DISTANT",
                "BY_GRADE", "NOT_APPLICABLE");

        private Staging() {
        }
    }

    /** board-service. */
    public static final class Board {

        public static final List<String> DISCIPLINES = List.of("SURGERY", "RADIOLOGY", "PATHOLOGY", "MEDICAL_ONCOLOGY",
                "RADIATION_ONCOLOGY");
        public static final List<String> PLAN_OPTIONS = List.of("UPFRONT_RESECTION", "NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION",
                "NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION", "NEOADJUVANT_CHEMORADIATION_THEN_RESECTION",
                PlanDecided.NOT_RESECTABLE_OPTION, "SYSTEMIC_THERAPY", "NON_SARCOMA_PATHWAY", "CLINICAL_TRIAL");
        public static final List<String> RESECTABILITY = List.of("RESECTABLE", "BORDERLINE", "UNRESECTABLE");
        public static final List<String> VISIT_OUTCOMES = List.of("NO_EVIDENCE_OF_DISEASE", "LOCAL_RECURRENCE",
                "DISTANT_METASTASIS");
        public static final List<String> TREATMENT_TYPES = List.of("NEOADJUVANT_CHEMOTHERAPY_STARTED",
                "NEOADJUVANT_CHEMOTHERAPY_COMPLETED", "NEOADJUVANT_RADIOTHERAPY_STARTED", "NEOADJUVANT_RADIOTHERAPY_COMPLETED",
                TreatmentRecorded.SURGERY, TreatmentRecorded.NOT_IMPLEMENTED);
        public static final List<String> NOT_IMPLEMENTED_REASONS = List.of("PATIENT_CHOICE", "CHANGED_CONDITION",
                "NEW_INFORMATION", "OTHER");

        private Board() {
        }
    }
}
