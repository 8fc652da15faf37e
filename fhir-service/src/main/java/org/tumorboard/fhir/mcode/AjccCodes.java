package org.tumorboard.fhir.mcode;

import java.util.Map;
import java.util.Optional;

import org.hl7.fhir.r4.model.Coding;

/**
 * AJCC 8th edition staging (rps-reference.md section 4) as the SNOMED CT codes mCODE 4.0.0 uses for its TNM observations
 * (issue 23, item 2). Sources: the mCODE package's value sets and examples; for the categories and groups its examples
 * do not show, the New Zealand CanShare AJCC value sets and DICOM CID 6160/6161, which agree with every package example
 * (fhir-service/README.md lists each code's source). Clinical (c) and pathologic (p) staging only: mCODE has no
 * post-therapy staging type (yp uses the pathologic codes with the yp values, whose codes we could take from one source
 * only) and none for recurrence (r); those stagings are not exported yet.
 */
public final class AjccCodes {

    public static final String SNOMED = "http://snomed.info/sct";

    /** The staging system: AJCC Cancer Staging Manual, 8th edition. */
    public static final Coding AJCC_8 = new Coding(SNOMED, "897275008",
            "American Joint Commission on Cancer, Cancer Staging Manual, 8th edition neoplasm staging system (tumor staging)");

    /** What an observation of one part of a staging is: the code for its kind, c or p. */
    public enum Part {
        T, N, M, GROUP
    }

    private static final Map<String, Coding> OBSERVATION_CODES = Map.of(
            "cT", new Coding(SNOMED, "399504009", "cT category"),
            "pT", new Coding(SNOMED, "384625004", "pT category"),
            "cN", new Coding(SNOMED, "399534004", "cN category"),
            "pN", new Coding(SNOMED, "371494008", "pN category"),
            "cM", new Coding(SNOMED, "399387003", "cM category"),
            "cGROUP", new Coding(SNOMED, "399537006", "Clinical TNM stage grouping"),
            "pGROUP", new Coding(SNOMED, "399588009", "Pathologic TNM stage grouping"));

    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("cT1", "1228889001"), Map.entry("cT2", "1228929004"), Map.entry("cT3", "1228938002"), Map.entry("cT4", "1228944003"),
            Map.entry("pT1", "1228957006"), Map.entry("pT2", "1229852009"), Map.entry("pT3", "1229859000"), Map.entry("pT4", "1229864001"),
            Map.entry("cN0", "1229967007"), Map.entry("cN1", "1229973008"), Map.entry("pN0", "1229947003"), Map.entry("pN1", "1229951001"),
            Map.entry("cM0", "1229901006"), Map.entry("cM1", "1229903009"));

    private static final Map<String, String> GROUPS = Map.of("IA", "1222724007", "IB", "1222728005", "II", "1222765007",
            "IIIA", "1222802001", "IIIB", "1222805004", "IV", "1222837003");

    private AjccCodes() {
    }

    /** Whether mCODE can carry a staging with this prefix here (c and p). */
    public static boolean exported(String prefix) {
        return "c".equals(prefix) || "p".equals(prefix);
    }

    /** The observation's code for a part of a c or p staging; the M category is always the clinical one. */
    public static Optional<Coding> observationCode(String prefix, Part part, String value) {
        if (!exported(prefix)) {
            return Optional.empty();
        }
        String kind = part == Part.M ? "c" : prefix;
        return Optional.ofNullable(OBSERVATION_CODES.get(kind + (part == Part.GROUP ? "GROUP" : part.name()))).map(Coding::copy);
    }

    /** The value's code: a T, N or M category, or a stage group. */
    public static Optional<Coding> value(String prefix, Part part, String value) {
        if (!exported(prefix) || value == null) {
            return Optional.empty();
        }
        if (part == Part.GROUP) {
            return Optional.ofNullable(GROUPS.get(value))
                    .map(code -> new Coding(SNOMED, code, "American Joint Committee on Cancer stage " + value + " (qualifier value)"));
        }
        String kind = part == Part.M ? "c" : prefix;
        return Optional.ofNullable(VALUES.get(kind + value))
                .map(code -> new Coding(SNOMED, code, "American Joint Committee on Cancer " + kind + value + " (qualifier value)"));
    }
}
