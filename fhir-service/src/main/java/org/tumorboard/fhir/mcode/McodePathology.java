package org.tumorboard.fhir.mcode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.tumorboard.events.SpecimenFindings;

/**
 * What a pathology report found besides histology and grade, as FHIR (issue 23, item 2): the FNCLCC component scores
 * behind the grade (rps-reference.md section 3) and the tumour marker tests (mCODE TumorMarkerTest) of the
 * immunohistochemistry panel and the MDM2/CDK4 amplification tests. Codes and where they come from:
 * fhir-service/README.md and TERMINOLOGY.md section 4.
 */
public final class McodePathology {

    /** An FNCLCC component: its code in our own system (LOINC has none, TERMINOLOGY.md section 3) and its words. */
    public enum Component {
        DIFFERENTIATION("differentiation-score", "diff", "FNCLCC tumour differentiation score"),
        MITOSIS("mitotic-count-score", "mitoses", "FNCLCC mitotic count score"),
        NECROSIS("necrosis-score", "necrosis", "FNCLCC tumour necrosis score");

        final String code;
        /** Its part of the observation's id (FHIR ids have at most 64 characters, a case id takes 36). */
        final String id;
        final String display;

        Component(String code, String id, String display) {
            this.code = code;
            this.id = id;
            this.display = display;
        }
    }

    /**
     * The IHC markers LOINC has a "[Presence] in Tissue by Immune stain" term for (TERMINOLOGY.md section 4: KIT is in
     * mCODE's tumour marker value set, the others in LOINC only); the other markers carry our own code alone.
     */
    static final Map<String, Coding> LOINC_STAINS = Map.of(
            "KIT", new Coding(McodeObservations.LOINC, "40552-2", "CD117 Ag [Presence] in Tissue by Immune stain"),
            "PAN_CYTOKERATIN", new Coding(McodeObservations.LOINC, "10498-4", "Keratin Ag [Presence] in Tissue by Immune stain"),
            "PAX8", new Coding(McodeObservations.LOINC, "73910-2", "PAX8 Ag [Presence] in Tissue by Immune stain"),
            "CD45", new Coding(McodeObservations.LOINC, "10446-3", "Leukocyte common Ag [Presence] in Tissue by Immune stain"),
            "CHROMOGRANIN", new Coding(McodeObservations.LOINC, "10472-9", "Chromogranin Ag [Presence] in Tissue by Immune stain"),
            "SYNAPTOPHYSIN", new Coding(McodeObservations.LOINC, "10514-8", "Synaptophysin Ag [Presence] in Tissue by Immune stain"),
            "DESMIN", new Coding(McodeObservations.LOINC, "10476-0", "Desmin Ag [Presence] in Tissue by Immune stain"),
            "S100", new Coding(McodeObservations.LOINC, "10510-6", "S-100 Ag [Presence] in Tissue by Immune stain"));

    /** MDM2 amplification by FISH: in mCODE's tumour marker value set. No LOINC term was found for CDK4 or other methods. */
    static final Coding MDM2_FISH = new Coding(McodeObservations.LOINC, "93808-4", "MDM2 gene amplification in Tissue by FISH");

    /** A stain's result (SNOMED CT qualifier values). */
    static final Map<String, Coding> STAIN_RESULTS = Map.of(
            "POSITIVE", new Coding(AjccCodes.SNOMED, "10828004", "Positive (qualifier value)"),
            "NEGATIVE", new Coding(AjccCodes.SNOMED, "260385009", "Negative (qualifier value)"),
            "EQUIVOCAL", new Coding(AjccCodes.SNOMED, "42425007", "Equivocal (qualifier value)"));

    static final Coding DETECTED = new Coding(AjccCodes.SNOMED, "260373001", "Detected (qualifier value)");
    static final Coding NOT_DETECTED = new Coding(AjccCodes.SNOMED, "260415000", "Not detected (qualifier value)");

    private McodePathology() {
    }

    /**
     * The FNCLCC component scores of a report, what its grade is derived from; none where not assessable.
     *
     * @param report the report's part of the ids: {@code b1}, {@code b2}... for the biopsies, {@code s1}, {@code s2}... for the
     *               specimens
     */
    public static List<Observation> components(String caseId, String report, SpecimenFindings findings, Instant at,
            Reference patient, Reference condition) {
        List<Observation> all = new ArrayList<>();
        if (findings == null) {
            return all;
        }
        component(caseId, report, Component.DIFFERENTIATION, findings.differentiationScore(), at, patient, condition).ifPresent(all::add);
        component(caseId, report, Component.MITOSIS, findings.mitosisScore(), at, patient, condition).ifPresent(all::add);
        component(caseId, report, Component.NECROSIS, findings.necrosisScore(), at, patient, condition).ifPresent(all::add);
        return all;
    }

    private static Optional<Observation> component(String caseId, String report, Component component, Integer score, Instant at,
            Reference patient, Reference condition) {
        if (score == null) {
            return Optional.empty(); // not assessable: the grade is GX, and says which component was missing
        }
        Observation o = McodeObservations.observation(caseId + "-fnclcc-" + report + "-" + component.id, null, patient, at);
        o.addCategory(new CodeableConcept(new Coding(McodeObservations.CATEGORY, "laboratory", null)));
        o.setCode(new CodeableConcept(new Coding(LocalCodes.FNCLCC_COMPONENT, component.code, component.display))
                .setText(component.display));
        if (condition != null) {
            o.addFocus(condition.copy());
        }
        o.setValue(new IntegerType(score));
        o.setMethod(new CodeableConcept(McodeObservations.FNCLCC.copy()));
        return Optional.of(o);
    }

    /**
     * The report's tumour marker tests: one per stain (by marker) and one per amplification tested.
     *
     * @param report the report's part of the ids: {@code b1}, {@code b2}... for the biopsies, {@code s1}, {@code s2}... for the
     *               specimens
     */
    public static List<Observation> markers(String caseId, String report, SpecimenFindings findings, Instant at, Reference patient,
            Reference condition) {
        List<Observation> all = new ArrayList<>();
        if (findings == null) {
            return all;
        }
        for (SpecimenFindings.Stain stain : findings.ihc()) {
            CodeableConcept code = new CodeableConcept();
            Optional.ofNullable(LOINC_STAINS.get(stain.marker())).ifPresent(c -> code.addCoding(c.copy()));
            code.addCoding(new Coding(LocalCodes.IHC_MARKER, stain.marker(), words(stain.marker()) + " immunohistochemistry"));
            code.setText(words(stain.marker()) + " by immunohistochemistry");
            Observation o = marker(caseId + "-ihc-" + report + "-" + slug(stain.marker()), code, patient, at, condition);
            o.setValue(new CodeableConcept(STAIN_RESULTS.get(stain.result()).copy()).setText(stain.result().toLowerCase()));
            o.setMethod(new CodeableConcept().setText("immunohistochemistry"));
            all.add(o);
        }
        String method = findings.molecularMethod();
        amplification(caseId, report, "MDM2", findings.mdm2Amplified(), method, patient, at, condition).ifPresent(all::add);
        amplification(caseId, report, "CDK4", findings.cdk4Amplified(), method, patient, at, condition).ifPresent(all::add);
        return all;
    }

    private static Optional<Observation> amplification(String caseId, String report, String gene, Boolean amplified, String method,
            Reference patient, Instant at, Reference condition) {
        if (amplified == null) {
            return Optional.empty();
        }
        CodeableConcept code = new CodeableConcept();
        if ("MDM2".equals(gene) && "FISH".equals(method)) {
            code.addCoding(MDM2_FISH.copy());
        }
        code.addCoding(new Coding(LocalCodes.AMPLIFICATION, gene, gene + " gene amplification"));
        code.setText(gene + " gene amplification" + (method == null ? "" : " by " + method));
        Observation o = marker(caseId + "-amp-" + report + "-" + gene.toLowerCase(), code, patient, at, condition);
        o.setValue(new CodeableConcept((amplified ? DETECTED : NOT_DETECTED).copy()).setText(amplified ? "amplified" : "not amplified"));
        if (method != null) {
            o.setMethod(new CodeableConcept().setText(method));
        }
        return Optional.of(o);
    }

    private static Observation marker(String id, CodeableConcept code, Reference patient, Instant at, Reference condition) {
        Observation o = McodeObservations.observation(id, "mcode-tumor-marker-test", patient, at);
        if (condition != null) {
            o.addExtension(new Extension(McodeObservations.PROFILES + "mcode-related-condition", condition.copy()));
        }
        o.addCategory(new CodeableConcept(new Coding(McodeObservations.CATEGORY, "laboratory", null)));
        o.setCode(code);
        return o;
    }

    private static String words(String marker) {
        return marker.replace("OCT3_4", "OCT3/4").replace("H_CALDESMON", "h-caldesmon").replace('_', ' ');
    }

    private static String slug(String marker) {
        return marker.toLowerCase().replace('_', '-');
    }
}
