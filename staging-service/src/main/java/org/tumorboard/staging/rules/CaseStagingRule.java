package org.tumorboard.staging.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.tumorboard.events.PathologyOfRecord;
import org.tumorboard.staging.rules.Ajcc8Retroperitoneum.G;
import org.tumorboard.staging.rules.Ajcc8Retroperitoneum.M;
import org.tumorboard.staging.rules.Ajcc8Retroperitoneum.N;

/**
 * From what is known of a case to its staging, rps-reference.md sections 4 and 8: prefix c before treatment, p from the
 * resection specimen (its histology and grade where re-assessed), yp after neoadjuvant therapy (the pre-treatment
 * grade; the treatment effect recorded). The specimen's size and nodes replace the clinical ones when
 * the resection report gives them, its nodes only when some were examined (none examined is pNX: the clinical N
 * stands); N is N0 when nodes were not assessed ("no regional node metastasis, or unknown").
 */
public final class CaseStagingRule {

    public enum Missing {
        TUMOR_SIZE, METASTATIC_STATUS, GRADE
    }

    /** One input value and the event it came from. */
    public record Input(String name, String value, UUID eventId, String eventType) {
    }

    /** A value known for the case, with its source event. */
    public record Sourced<V>(V value, UUID eventId, String eventType) {
        public static <V> Sourced<V> none() {
            return new Sourced<>(null, null, null);
        }

        public boolean known() {
            return value != null;
        }
    }

    /**
     * Everything the services told staging about a case: {@code grade} and {@code histology} are the biopsy's, the
     * {@code specimen*} ones the resection report's where the pathologist re-assessed the specimen.
     */
    public record Facts(Sourced<BigDecimal> clinicalSizeCm, Sourced<Boolean> suspiciousNodes, Sourced<Boolean> distantLesions,
            Sourced<String> grade, Sourced<String> histology, Sourced<BigDecimal> pathologicSizeCm,
            Sourced<Integer> pathologicNodesExamined, Sourced<Integer> pathologicNodesPositive, boolean resected,
            Sourced<Boolean> neoadjuvant, Sourced<String> specimenHistology, Sourced<String> specimenGrade,
            Sourced<BigDecimal> treatmentEffectPercent, Sourced<String> recurrence) {

        public Facts(Sourced<BigDecimal> clinicalSizeCm, Sourced<Boolean> suspiciousNodes, Sourced<Boolean> distantLesions,
                Sourced<String> grade, Sourced<String> histology, Sourced<BigDecimal> pathologicSizeCm,
                Sourced<Integer> pathologicNodesExamined, Sourced<Integer> pathologicNodesPositive, boolean resected,
                Sourced<Boolean> neoadjuvant, Sourced<String> specimenHistology, Sourced<String> specimenGrade,
                Sourced<BigDecimal> treatmentEffectPercent) {
            this(clinicalSizeCm, suspiciousNodes, distantLesions, grade, histology, pathologicSizeCm, pathologicNodesExamined,
                    pathologicNodesPositive, resected, neoadjuvant, specimenHistology, specimenGrade, treatmentEffectPercent,
                    Sourced.none());
        }

        /** Facts without a re-assessed specimen. */
        public Facts(Sourced<BigDecimal> clinicalSizeCm, Sourced<Boolean> suspiciousNodes, Sourced<Boolean> distantLesions,
                Sourced<String> grade, Sourced<String> histology, Sourced<BigDecimal> pathologicSizeCm,
                Sourced<Integer> pathologicNodesExamined, Sourced<Integer> pathologicNodesPositive, boolean resected,
                Sourced<Boolean> neoadjuvant) {
            this(clinicalSizeCm, suspiciousNodes, distantLesions, grade, histology, pathologicSizeCm, pathologicNodesExamined,
                    pathologicNodesPositive, resected, neoadjuvant, Sourced.none(), Sourced.none(), Sourced.none());
        }
    }

    /** {@code notApplicable}: why the case gets no AJCC sarcoma stage at all (null for a sarcoma). */
    public record Evaluation(String prefix, Ajcc8Retroperitoneum.Stage stage, List<Missing> missing, List<Input> inputs,
            FailurePattern.Result failurePattern, String notApplicable) {

        public boolean complete() {
            return stage != null;
        }
    }

    /** The histology pathology reports when the tumour is not a sarcoma (the contract's value). */
    static final String NOT_SARCOMA = "NOT_SARCOMA";

    /** The board's visit outcome for a distant recurrence. */
    static final String DISTANT_METASTASIS = "DISTANT_METASTASIS";

    static final String NOT_A_SARCOMA = "histology NOT_SARCOMA: no AJCC sarcoma stage (rps-reference.md section 8)";

    private CaseStagingRule() {
    }

    public static Evaluation evaluate(Facts f) {
        // A recurrence is staged again (rps-reference.md section 8): prefix r, a distant metastasis rM1 (stage IV).
        boolean recurred = f.recurrence().known();
        String prefix = recurred ? "r" : !f.resected() ? "c" : Boolean.TRUE.equals(f.neoadjuvant().value()) ? "yp" : "p";
        List<Input> inputs = new ArrayList<>();
        List<Missing> missing = new ArrayList<>();

        Sourced<BigDecimal> size = f.resected() && f.pathologicSizeCm().known() ? f.pathologicSizeCm() : f.clinicalSizeCm();
        if (size.known()) {
            inputs.add(new Input("greatestDimensionCm", size.value().toPlainString(), size.eventId(), size.eventType()));
        } else {
            missing.add(Missing.TUMOR_SIZE);
        }

        N n;
        if (f.resected() && nodesExamined(f) && f.pathologicNodesPositive().known()) {
            n = f.pathologicNodesPositive().value() > 0 ? N.N1 : N.N0;
            inputs.add(new Input("nodes", n.name(), f.pathologicNodesPositive().eventId(), f.pathologicNodesPositive().eventType()));
        } else {
            if (f.resected() && f.pathologicNodesExamined().known()) {
                // pNX (rps-reference.md section 8): no node examined says nothing of the nodes; the clinical N stands, so a
                // resection never down-stages a case on nodes nobody looked at.
                inputs.add(new Input("pathologicNodes", "NX", f.pathologicNodesExamined().eventId(),
                        f.pathologicNodesExamined().eventType()));
            }
            n = Boolean.TRUE.equals(f.suspiciousNodes().value()) ? N.N1 : N.N0;
            inputs.add(new Input("nodes", n.name(), f.suspiciousNodes().eventId(), f.suspiciousNodes().eventType()));
        }

        M m = null;
        if (recurred && DISTANT_METASTASIS.equals(f.recurrence().value())) {
            m = M.M1;
            inputs.add(new Input("metastasis", m.name(), f.recurrence().eventId(), f.recurrence().eventType()));
        } else if (f.distantLesions().known()) {
            m = f.distantLesions().value() ? M.M1 : M.M0;
            inputs.add(new Input("metastasis", m.name(), f.distantLesions().eventId(), f.distantLesions().eventType()));
        } else {
            missing.add(Missing.METASTATIC_STATUS);
        }

        // Which histology and grade stage the case (rps-reference.md section 8): p from the re-assessed specimen, yp with
        // the pre-treatment grade, c from the biopsy.
        boolean yp = f.resected() && Boolean.TRUE.equals(f.neoadjuvant().value());
        PathologyOfRecord record = f.resected()
                ? PathologyOfRecord.of(f.histology().value(), f.grade().value(), f.specimenHistology().value(),
                        f.specimenGrade().value(), yp)
                : PathologyOfRecord.of(f.histology().value(), f.grade().value(), null, null, false);
        Sourced<String> grade = record.gradeSource() == null ? Sourced.none()
                : record.gradeSource() == PathologyOfRecord.Source.BIOPSY ? f.grade()
                        // the specimen's grade, or GX when it changed the histology without one: from the resection report
                        : new Sourced<>(record.grade(), resectionEvent(f).eventId(), resectionEvent(f).eventType());
        Sourced<String> histology = record.histologySource() == PathologyOfRecord.Source.SPECIMEN ? f.specimenHistology() : f.histology();
        G g = null;
        if (grade.known()) {
            g = G.valueOf(grade.value());
            inputs.add(new Input("grade", g.name(), grade.eventId(), grade.eventType()));
        } else {
            missing.add(Missing.GRADE);
        }
        if (histology.known()) {
            inputs.add(new Input("histology", histology.value(), histology.eventId(), histology.eventType()));
        }
        if (recurred) {
            inputs.add(new Input("recurrence", f.recurrence().value(), f.recurrence().eventId(), f.recurrence().eventType()));
        }
        if (f.resected() && f.treatmentEffectPercent().known()) {
            inputs.add(new Input("treatmentEffectPercent", f.treatmentEffectPercent().value().stripTrailingZeros().toPlainString(),
                    f.treatmentEffectPercent().eventId(), f.treatmentEffectPercent().eventType()));
        }
        if (f.resected() && f.neoadjuvant().known()) {
            // Before resection it changes nothing in the staging; after it, it is why the prefix is yp.
            inputs.add(new Input("neoadjuvantTherapy", f.neoadjuvant().value().toString(), f.neoadjuvant().eventId(),
                    f.neoadjuvant().eventType()));
        }

        if (NOT_SARCOMA.equals(histology.value())) {
            // Not a sarcoma: no sarcoma stage, whatever else is known; the stagings already recorded stay in the history.
            return new Evaluation(prefix, null, List.of(), List.copyOf(inputs), null, NOT_A_SARCOMA);
        }
        Ajcc8Retroperitoneum.Stage stage = missing.isEmpty() ? Ajcc8Retroperitoneum.stage(size.value(), n, m, g) : null;
        return new Evaluation(prefix, stage, List.copyOf(missing), List.copyOf(inputs), FailurePattern.of(histology.value()), null);
    }

    /** The resection report the specimen's facts came from (they arrive together). */
    private static Sourced<String> resectionEvent(Facts f) {
        return f.specimenGrade().known() ? f.specimenGrade() : f.specimenHistology();
    }

    /** pN needs examined nodes: a specimen with none examined is pNX. */
    private static boolean nodesExamined(Facts f) {
        return f.pathologicNodesExamined().known() && f.pathologicNodesExamined().value() > 0;
    }

    /** The names of the inputs (and the prefix) whose values differ between two evaluations. */
    public static List<String> changed(String previousPrefix, List<Input> previous, String prefix, List<Input> current) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(previousPrefix, prefix)) {
            changed.add("prefix");
        }
        for (Input input : current) {
            String before = previous.stream().filter(p -> p.name().equals(input.name())).map(Input::value).findFirst().orElse(null);
            if (!Objects.equals(before, input.value())) {
                changed.add(input.name());
            }
        }
        return changed;
    }
}
