package org.tumorboard.staging.rules;

/**
 * The usual pattern of failure of each subtype, rps-reference.md section 3 ("Histologic subtypes and their failure
 * pattern"), shown beside the stage so the board sees it.
 */
public final class FailurePattern {

    public enum Pattern {
        LOCAL_DOMINANT, DISTANT_DOMINANT, LOCAL_AND_DISTANT, BY_GRADE, NOT_APPLICABLE
    }

    public record Result(Pattern pattern, String note) {
    }

    private FailurePattern() {
    }

    /** @param histology one of the contract's histology values; null when pathology has not reported */
    public static Result of(String histology) {
        if (histology == null) {
            return null;
        }
        return switch (histology) {
            case "WELL_DIFFERENTIATED_LIPOSARCOMA" -> new Result(Pattern.LOCAL_DOMINANT,
                    "Local-dominant; rarely metastasizes; recurs late, even after 10 years");
            case "DEDIFFERENTIATED_LIPOSARCOMA" -> new Result(Pattern.LOCAL_AND_DISTANT,
                    "Local and distant; local failure usually dominates");
            case "LEIOMYOSARCOMA" -> new Result(Pattern.DISTANT_DOMINANT,
                    "Distant-dominant: lung and liver through the blood");
            case "MPNST" -> new Result(Pattern.LOCAL_AND_DISTANT, "Local and distant, comparable");
            case "NOT_SARCOMA" -> new Result(Pattern.NOT_APPLICABLE, "Not a sarcoma");
            default -> new Result(Pattern.BY_GRADE, "Varies: by grade");
        };
    }
}
