package org.tumorboard.board.rules;

import java.util.ArrayList;
import java.util.List;

import org.tumorboard.board.PlanOption;
import org.tumorboard.events.Grades;

/**
 * rps-reference.md section 5, "typical fit (suggestion only)": the options the reference lists for a case, each with
 * its reason. Suggestions are shown to the board, never applied.
 */
public final class PlanSuggestions {

    public record Suggestion(PlanOption option, String reason) {
    }

    private PlanSuggestions() {
    }

    /**
     * @param histology  the contract's histology value, null when unknown
     * @param grade      G1, G2, G3 or GX, null when unknown
     * @param metastatic M1 on staging
     * @param resectable false when the board judged the tumor unresectable; null when not judged
     * @param nonSarcoma pathology flagged the case as not a sarcoma
     */
    public static List<Suggestion> suggest(String histology, String grade, boolean metastatic, Boolean resectable, boolean nonSarcoma) {
        List<Suggestion> suggestions = new ArrayList<>();
        if (nonSarcoma || "NOT_SARCOMA".equals(histology)) {
            suggestions.add(new Suggestion(PlanOption.NON_SARCOMA_PATHWAY, "Pathology flagged a non-sarcoma: lymphoma, GIST, germ cell tumor or carcinoma pathway"));
            return List.copyOf(suggestions);
        }
        if (metastatic) {
            suggestions.add(new Suggestion(PlanOption.SYSTEMIC_THERAPY, "Metastatic (M1): systemic therapy by subtype"));
        } else if (Boolean.FALSE.equals(resectable)) {
            suggestions.add(new Suggestion(PlanOption.DEFINITIVE_RADIOTHERAPY_OR_SYSTEMIC,
                    "Unresectable: primary radiotherapy and/or systemic therapy, then re-evaluate"));
        } else {
            boolean highGrade = Grades.knownHighGrade(grade);
            if ("WELL_DIFFERENTIATED_LIPOSARCOMA".equals(histology)) {
                suggestions.add(new Suggestion(PlanOption.UPFRONT_RESECTION,
                        "Resectable well-differentiated liposarcoma: upfront en bloc resection (chemotherapy does not help it)"));
            } else if ("LEIOMYOSARCOMA".equals(histology) && highGrade) {
                suggestions.add(new Suggestion(PlanOption.NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION,
                        "Resectable high-grade leiomyosarcoma: systemic risk from day one"));
                suggestions.add(new Suggestion(PlanOption.UPFRONT_RESECTION, "Resectable: upfront en bloc resection"));
            } else if ("DEDIFFERENTIATED_LIPOSARCOMA".equals(histology)) {
                suggestions.add(new Suggestion(PlanOption.UPFRONT_RESECTION, "Resectable: upfront en bloc resection"));
                suggestions.add(new Suggestion(PlanOption.NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION,
                        "Selected dedifferentiated liposarcoma: neoadjuvant chemotherapy"));
            } else {
                suggestions.add(new Suggestion(PlanOption.UPFRONT_RESECTION, "Resectable: upfront en bloc resection"));
            }
            if (!"WELL_DIFFERENTIATED_LIPOSARCOMA".equals(histology)) {
                suggestions.add(new Suggestion(PlanOption.NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION,
                        "Highly selected cases: defines the target, displaces bowel, may make resection easier"));
                suggestions.add(new Suggestion(PlanOption.NEOADJUVANT_CHEMORADIATION_THEN_RESECTION, "Selected cases"));
            }
        }
        suggestions.add(new Suggestion(PlanOption.CLINICAL_TRIAL, "Any case, when a trial is open"));
        return List.copyOf(suggestions);
    }
}
