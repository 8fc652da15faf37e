package org.tumorboard.board.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * rps-reference.md section 5, board rules: a case is ready for the agenda when work-up is complete, pathology is
 * reported (or the chair recorded why no biopsy is needed) and the case is staged. A non-sarcoma flag takes the
 * case off the sarcoma agenda. A case that is not ready waits, with every reason.
 */
public final class Readiness {

    public enum Missing {
        WORKUP, BIOPSY_REPORT, STAGING, NOT_SARCOMA, WITHDRAWN
    }

    public record Result(boolean ready, List<Missing> missing) {
    }

    private Readiness() {
    }

    public static Result evaluate(boolean workupComplete, boolean biopsyReported, boolean biopsyWaived, boolean staged,
            boolean nonSarcoma, boolean withdrawn) {
        List<Missing> missing = new ArrayList<>();
        if (!workupComplete) {
            missing.add(Missing.WORKUP);
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
