package org.tumorboard.board.decision.rules;

import java.util.ArrayList;
import java.util.List;

import org.tumorboard.board.PlanOption;
import org.tumorboard.board.Resectability;
import org.tumorboard.events.Grades;

/**
 * rps-reference.md section 5, "typical fit (suggestion only)", and section 8 ("Resectability and fitness", "Plan
 * suggestions at recurrence"): the options the reference lists for a case, each with its reason. Suggestions are shown
 * to the board, never applied.
 */
public final class PlanSuggestions {

    public record Suggestion(PlanOption option, String reason) {
    }

    /** Where a recurrence found in surveillance left the case. */
    public enum Recurrence {
        NONE, LOCAL, DISTANT
    }

    /**
     * What the suggestions depend on.
     *
     * @param histology        the contract's histology value, null when unknown
     * @param grade            G1, G2, G3 or GX, null when unknown
     * @param metastatic       M1 on staging
     * @param resectability    the surgeon's or chair's assessment; null while not assessed
     * @param ecog             ECOG performance status 0-4; null while not recorded
     * @param recurrence       a recurrence that brought the case back
     * @param biopsyWaived     the chair waived the biopsy: the histology is not known
     * @param nonSarcoma       pathology flagged the case as not a sarcoma
     */
    public record Situation(String histology, String grade, boolean metastatic, Resectability resectability, Integer ecog,
            Recurrence recurrence, boolean biopsyWaived, boolean nonSarcoma) {
    }

    private PlanSuggestions() {
    }

    /** The first wave's form: {@code resectable} false for unresectable, true for resectable, null when not judged. */
    public static List<Suggestion> suggest(String histology, String grade, boolean metastatic, Boolean resectable, boolean nonSarcoma) {
        Resectability assessed = resectable == null ? null : resectable ? Resectability.RESECTABLE : Resectability.UNRESECTABLE;
        return suggest(new Situation(histology, grade, metastatic, assessed, null, Recurrence.NONE, false, nonSarcoma));
    }

    public static List<Suggestion> suggest(Situation s) {
        List<Suggestion> suggestions = new ArrayList<>();
        if (s.nonSarcoma() || "NOT_SARCOMA".equals(s.histology())) {
            suggestions.add(new Suggestion(PlanOption.NON_SARCOMA_PATHWAY, "Pathology flagged a non-sarcoma: lymphoma, GIST, germ cell tumor or carcinoma pathway"));
            return List.copyOf(suggestions);
        }
        String remark = remark(s);
        if (s.metastatic() || s.recurrence() == Recurrence.DISTANT) {
            suggestions.add(new Suggestion(PlanOption.SYSTEMIC_THERAPY, (s.recurrence() == Recurrence.DISTANT
                    ? "Distant metastasis found in surveillance" : "Metastatic (M1)") + ": systemic therapy by subtype"
                    + ("LEIOMYOSARCOMA".equals(s.histology())
                            ? "; resection of limited metastases only for selected (oligometastatic) cases" : "")));
        } else if (s.resectability() == Resectability.UNRESECTABLE) {
            suggestions.add(new Suggestion(PlanOption.DEFINITIVE_RADIOTHERAPY_OR_SYSTEMIC,
                    "Unresectable: primary radiotherapy and/or systemic therapy, then re-evaluate"));
        } else if (s.recurrence() == Recurrence.LOCAL) {
            suggestions.add(new Suggestion(PlanOption.UPFRONT_RESECTION, "Local recurrence: re-resection when resectable" + remark));
            suggestions.add(new Suggestion(PlanOption.DEFINITIVE_RADIOTHERAPY_OR_SYSTEMIC,
                    "Local recurrence not resectable: radiotherapy or systemic therapy"));
        } else {
            primary(s, remark, suggestions);
        }
        suggestions.add(new Suggestion(PlanOption.CLINICAL_TRIAL, "Any case, when a trial is open"));
        return List.copyOf(suggestions);
    }

    /** The options for a primary tumour judged resectable (or not yet judged), by histology and grade. */
    private static void primary(Situation s, String remark, List<Suggestion> suggestions) {
        String histology = s.histology();
        boolean highGrade = Grades.knownHighGrade(s.grade());
        if ("WELL_DIFFERENTIATED_LIPOSARCOMA".equals(histology)) {
            suggestions.add(new Suggestion(PlanOption.UPFRONT_RESECTION,
                    "Resectable well-differentiated liposarcoma: upfront en bloc resection (chemotherapy does not help it)" + remark));
        } else if ("LEIOMYOSARCOMA".equals(histology) && highGrade) {
            suggestions.add(new Suggestion(PlanOption.NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION,
                    "Resectable high-grade leiomyosarcoma: systemic risk from day one" + remark));
            suggestions.add(new Suggestion(PlanOption.UPFRONT_RESECTION, "Resectable: upfront en bloc resection" + remark));
        } else if ("DEDIFFERENTIATED_LIPOSARCOMA".equals(histology)) {
            suggestions.add(new Suggestion(PlanOption.UPFRONT_RESECTION, "Resectable: upfront en bloc resection" + remark));
            suggestions.add(new Suggestion(PlanOption.NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION,
                    "Selected dedifferentiated liposarcoma: neoadjuvant chemotherapy" + remark));
        } else {
            suggestions.add(new Suggestion(PlanOption.UPFRONT_RESECTION, "Resectable: upfront en bloc resection" + remark));
        }
        if (!"WELL_DIFFERENTIATED_LIPOSARCOMA".equals(histology)) {
            suggestions.add(new Suggestion(PlanOption.NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION,
                    "Highly selected cases: defines the target, displaces bowel, may make resection easier" + remark));
            suggestions.add(new Suggestion(PlanOption.NEOADJUVANT_CHEMORADIATION_THEN_RESECTION, "Selected cases" + remark));
        }
    }

    /** What every resection option must say: resectability not yet assessed or borderline, fitness, an unknown histology. */
    private static String remark(Situation s) {
        List<String> remarks = new ArrayList<>();
        if (s.resectability() == null) {
            remarks.add("resectability not yet assessed");
        } else if (s.resectability() == Resectability.BORDERLINE) {
            remarks.add("borderline: vascular resection/reconstruction or major multivisceral resection");
        }
        if (s.ecog() != null && s.ecog() >= 3) {
            remarks.add("ECOG " + s.ecog() + ": major resection doubtful");
        }
        if (s.biopsyWaived() && s.histology() == null) {
            remarks.add("histology unknown (biopsy waived)");
        }
        return remarks.isEmpty() ? "" : " (" + String.join("; ", remarks) + ")";
    }
}
