package org.tumorboard.intake.rules;

import java.util.ArrayList;
import java.util.List;

import org.tumorboard.intake.SuspectedNonSarcoma;

/**
 * rps-reference.md section 2, "image-guided core needle biopsy": indicated when neoadjuvant therapy is being
 * considered, or when imaging suggests something other than sarcoma. Decision support only: nothing is blocked by it.
 */
public final class BiopsyIndication {

    public enum Reason {
        NEOADJUVANT_THERAPY_CONSIDERED,
        SUSPECTED_LYMPHOMA,
        SUSPECTED_GIST,
        SUSPECTED_GERM_CELL,
        SUSPECTED_CARCINOMA,
        SUSPECTED_PARAGANGLIOMA
    }

    public record Result(boolean indicated, List<Reason> reasons) {
    }

    private BiopsyIndication() {
    }

    public static Result evaluate(boolean neoadjuvantConsidered, SuspectedNonSarcoma suspectedNonSarcoma) {
        List<Reason> reasons = new ArrayList<>();
        if (neoadjuvantConsidered) {
            reasons.add(Reason.NEOADJUVANT_THERAPY_CONSIDERED);
        }
        if (suspectedNonSarcoma != null) {
            reasons.add(switch (suspectedNonSarcoma) {
                case LYMPHOMA -> Reason.SUSPECTED_LYMPHOMA;
                case GIST -> Reason.SUSPECTED_GIST;
                case GERM_CELL -> Reason.SUSPECTED_GERM_CELL;
                case CARCINOMA -> Reason.SUSPECTED_CARCINOMA;
                case PARAGANGLIOMA -> Reason.SUSPECTED_PARAGANGLIOMA;
            });
        }
        return new Result(!reasons.isEmpty(), List.copyOf(reasons));
    }
}
