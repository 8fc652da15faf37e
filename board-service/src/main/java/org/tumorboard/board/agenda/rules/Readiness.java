package org.tumorboard.board.agenda.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * rps-reference.md section 5, board rules: a case is ready for the agenda when work-up is complete, pathology is
 * reported (or the chair recorded why no biopsy is needed) and the case is staged. A non-sarcoma flag takes the
 * case off the sarcoma agenda. A case that is not ready waits, with every reason.
 */
public final class Readiness {

    public enum Missing {
        WORKUP, CHEST_CT, BIOPSY_REPORT, STAGING, NOT_SARCOMA, WITHDRAWN
    }

    public record Result(boolean ready, List<Missing> missing) {
    }

    private Readiness() {
    }

    public static Result evaluate(boolean workupComplete, boolean biopsyReported, boolean biopsyWaived, boolean staged,
            boolean nonSarcoma, boolean withdrawn) {
        return evaluate(workupComplete, List.of(), biopsyReported, biopsyWaived, staged, nonSarcoma, withdrawn);
    }

    /**
     * @param workupMissing the items intake named when it reopened the work-up (rps-reference.md section 8: a chest CT
     *                      once the grade is not G1); CHEST_CT among them is named in the answer too
     */
    public static Result evaluate(boolean workupComplete, List<String> workupMissing, boolean biopsyReported, boolean biopsyWaived,
            boolean staged, boolean nonSarcoma, boolean withdrawn) {
        List<Missing> missing = new ArrayList<>();
        if (!workupComplete) {
            missing.add(Missing.WORKUP);
            if (workupMissing != null && workupMissing.contains(Missing.CHEST_CT.name())) {
                missing.add(Missing.CHEST_CT);
            }
        }
        if (!biopsyReported && !biopsyWaived) {
            missing.add(Missing.BIOPSY_REPORT);
        }
        if (!staged) {
            missing.add(Missing.STAGING);
        }
        if (nonSarcoma) {
            missing.add(Missing.NOT_SARCOMA);
        }
        if (withdrawn) {
            missing.add(Missing.WITHDRAWN);
        }
        return new Result(missing.isEmpty(), List.copyOf(missing));
    }
}
