package org.tumorboard.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import org.tumorboard.events.Vocabulary;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The pathologist's two forms, named by the JSON paths of pathology's request bodies (api-contract.md). The IHC panel
 * is one choice per marker ({@code ihc.MDM2} = POSITIVE), sent as the contract's list of marker and result.
 */
public final class PathologyForms {

    public enum Kind {
        BIOPSY("biopsy"), RESECTION("resection");

        public final String path;

        Kind(String path) {
            this.path = path;
        }
    }

    public record Choices(List<String> specimenTypes, List<String> histologies, List<String> markers, List<String> markerResults,
            List<String> methods, List<String> margins, List<String> yesNo) {

        /** The IHC panel's inputs: one per marker, named ihc.MARKER. */
        public List<String> ihcFields() {
            return markers.stream().map(m -> "ihc." + m).toList();
        }
    }

    /** The contract's values (case-events {@link Vocabulary}), which pathology-service's VocabularyTest keeps in step. */
    static final Choices CHOICES = new Choices(Vocabulary.Pathology.SPECIMEN_TYPES, Vocabulary.Pathology.HISTOLOGIES,
            Vocabulary.Pathology.MARKERS, Vocabulary.Pathology.MARKER_RESULTS, Vocabulary.Pathology.MOLECULAR_METHODS,
            Vocabulary.Pathology.MARGINS, List.of("false", "true"));

    static final FormFields BIOPSY = new FormFields(biopsyFields(), List.of("specimenType", "histology"),
            List.of("fnclcc.differentiation", "fnclcc.mitosesPer10Hpf", "fnclcc.necrosisPercent"),
            List.of("molecular.mdm2Amplified", "molecular.cdk4Amplified"));

    /** The resection's margin and specimen, and where the specimen was re-assessed its diagnosis (issue 19, item 4). */
    static final FormFields RESECTION = new FormFields(resectionFields(), List.of("margin", "blocksSampled"),
            List.of("blocksSampled", "assumedInvolvedFraction", "greatestDimensionCm", "nodesExamined", "nodesPositive",
                    "treatmentEffectPercent", "fnclcc.differentiation", "fnclcc.mitosesPer10Hpf", "fnclcc.necrosisPercent"),
            List.of("molecular.mdm2Amplified", "molecular.cdk4Amplified"));

    private PathologyForms() {
    }

    static FormFields form(Kind kind) {
        return kind == Kind.BIOPSY ? BIOPSY : RESECTION;
    }

    static Map<String, String> values(Kind kind, MultivaluedMap<String, String> form) {
        return form(kind).values(form);
    }

    /**
     * The request body; the IHC choices become the contract's list. A biopsy always sends FNCLCC (GX when empty); a
     * resection sends the specimen's diagnosis only as far as it was re-assessed.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> body(Kind kind, Map<String, String> values) {
        Map<String, Object> body = form(kind).body(values);
        Map<String, Object> panel = (Map<String, Object>) body.remove("ihc");
        List<Map<String, Object>> ihc = new ArrayList<>();
        if (panel != null) {
            panel.forEach((marker, result) -> ihc.add(Map.of("marker", marker, "result", result)));
        }
        if (kind == Kind.BIOPSY) {
            body.put("ihc", ihc);
            body.putIfAbsent("fnclcc", new LinkedHashMap<>());
        } else if (!ihc.isEmpty()) {
            body.put("ihc", ihc);
        }
        return body;
    }

    /** A stored version's report as the form's values, to amend it. */
    static Map<String, String> valuesOf(Kind kind, JsonNode report) {
        Map<String, String> values = form(kind).valuesOf(report);
        if (report.path("ihc").isArray()) {
            report.path("ihc").forEach(r -> values.put("ihc." + r.path("marker").asText(), r.path("result").asText()));
        }
        return values;
    }

    private static List<String> biopsyFields() {
        List<String> fields = new ArrayList<>(List.of("specimenType"));
        fields.addAll(diagnosisFields());
        return fields;
    }

    private static List<String> resectionFields() {
        List<String> fields = new ArrayList<>(List.of("margin", "blocksSampled", "assumedInvolvedFraction", "greatestDimensionCm",
                "nodesExamined", "nodesPositive", "treatmentEffectPercent"));
        fields.addAll(diagnosisFields());
        return fields;
    }

    /** The diagnosis a biopsy gives and a re-assessed resection specimen may give: the same fields, the same rules. */
    private static List<String> diagnosisFields() {
        List<String> fields = new ArrayList<>(List.of("histology", "molecular.mdm2Amplified", "molecular.cdk4Amplified",
                "molecular.method", "fnclcc.differentiation", "fnclcc.mitosesPer10Hpf", "fnclcc.necrosisPercent"));
        fields.addAll(CHOICES.ihcFields());
        return fields;
    }
}
