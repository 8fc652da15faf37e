package org.tumorboard.pathology.rules;

import java.util.Map;
import java.util.Optional;

import org.tumorboard.pathology.Histology;

/**
 * rps-reference.md section 8, "FNCLCC differentiation score by histologic type": the score that fits the type. A
 * score that does not fit is a warning naming both, never a refusal: the pathologist may be right. Leiomyosarcoma and
 * MPNST score 1 to 3 by sub-type (no single expected score); solitary fibrous tumor, other sarcomas and a non-sarcoma
 * are not checked.
 */
public final class DifferentiationFit {

    /** The one score each type fits, where the table gives one. */
    static final Map<Histology, Integer> EXPECTED = Map.of(
            Histology.WELL_DIFFERENTIATED_LIPOSARCOMA, 1,
            Histology.DEDIFFERENTIATED_LIPOSARCOMA, 3,
            Histology.UNDIFFERENTIATED_PLEOMORPHIC_SARCOMA, 3);

    private DifferentiationFit() {
    }

    /** The warning when the score does not fit the histology; empty when it fits or the type has no single score. */
    public static Optional<PathologyAlerts.Alert> check(Histology histology, Integer differentiation) {
        Integer expected = histology == null ? null : EXPECTED.get(histology);
        if (expected == null || differentiation == null || expected.equals(differentiation)) {
            return Optional.empty();
        }
        return Optional.of(new PathologyAlerts.Alert(PathologyAlerts.Code.DIFFERENTIATION_UNEXPECTED_FOR_HISTOLOGY,
                PathologyAlerts.Severity.WARNING, "FNCLCC differentiation " + differentiation + " does not fit "
                        + histology + ", which scores " + expected + ": check the differentiation score and the histology"));
    }
}
