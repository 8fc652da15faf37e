package org.tumorboard.board.treatment.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tumorboard.board.PlanOption;

/**
 * A decided plan implies steps, each expected within a number of days of the step before it (the decision for the
 * first). The defaults are a policy a hospital tunes: upfront resection means surgery within 28 days; neoadjuvant
 * chemotherapy means starting it within 21; an unresectable case (primary radiotherapy or systemic therapy) is
 * re-evaluated at the board (rps-reference.md section 1), which the chair's reopening records, and so is a systemic
 * plan (issue 20, path 6). Options whose treatment happens outside these milestones (another pathway, a trial) track
 * no step.
 * Recording the step, or that the plan was not implemented with a coded reason, clears it.
 */
public final class FollowThrough {

    public record Step(String treatment, int withinDays) {
    }

    /** The next step and when it is due; {@code daysOverdue} is 0 while it is not late. */
    public record Next(String treatment, LocalDate due, long daysOverdue) {
        public boolean overdue() {
            return daysOverdue > 0;
        }
    }

    /** Not a treatment milestone: the board's re-evaluation, recorded by reopening the case. */
    public static final String BOARD_REEVALUATION = "BOARD_REEVALUATION";

    public static final Map<PlanOption, List<Step>> DEFAULT_STEPS = Map.of(
            PlanOption.DEFINITIVE_RADIOTHERAPY_OR_SYSTEMIC, List.of(new Step(BOARD_REEVALUATION, 90)),
            PlanOption.SYSTEMIC_THERAPY, List.of(new Step(BOARD_REEVALUATION, 90)),
            PlanOption.UPFRONT_RESECTION, List.of(new Step("SURGERY", 28)),
            PlanOption.NEOADJUVANT_CHEMOTHERAPY_THEN_RESECTION, List.of(new Step("NEOADJUVANT_CHEMOTHERAPY_STARTED", 21),
                    new Step("NEOADJUVANT_CHEMOTHERAPY_COMPLETED", 120), new Step("SURGERY", 42)),
            PlanOption.NEOADJUVANT_RADIOTHERAPY_THEN_RESECTION, List.of(new Step("NEOADJUVANT_RADIOTHERAPY_STARTED", 28),
                    new Step("NEOADJUVANT_RADIOTHERAPY_COMPLETED", 56), new Step("SURGERY", 42)),
            PlanOption.NEOADJUVANT_CHEMORADIATION_THEN_RESECTION, List.of(new Step("NEOADJUVANT_RADIOTHERAPY_STARTED", 28),
                    new Step("NEOADJUVANT_RADIOTHERAPY_COMPLETED", 56), new Step("SURGERY", 42)));

    private FollowThrough() {
    }

    /** A configured policy: {@code TYPE:days} pairs in order, e.g. {@code SURGERY:28}. */
    public static List<Step> parse(String steps) {
        List<Step> parsed = new java.util.ArrayList<>();
        for (String pair : steps.split(",")) {
            String[] kv = pair.trim().split(":");
            if (kv.length != 2 || !kv[0].matches("[A-Z_]+") || !kv[1].matches("[0-9]{1,4}")) {
                throw new IllegalArgumentException("a follow-through step is TYPE:days, not '" + pair.trim() + "'");
            }
            parsed.add(new Step(kv[0], Integer.parseInt(kv[1])));
        }
        return List.copyOf(parsed);
    }

    /**
     * @param recorded       treatment type -> date it was recorded for (the case's milestones so far)
     * @param notImplemented the plan was recorded as not implemented, with a coded reason
     */
    public static Optional<Next> next(PlanOption option, LocalDate decidedOn, Map<String, LocalDate> recorded, boolean notImplemented,
            LocalDate today, Map<PlanOption, List<Step>> policy) {
        if (notImplemented) {
            return Optional.empty();
        }
        LocalDate previous = decidedOn;
        for (Step step : policy.getOrDefault(option, List.of())) {
            LocalDate done = recorded.get(step.treatment());
            if (done == null) {
                LocalDate due = previous.plusDays(step.withinDays());
                return Optional.of(new Next(step.treatment(), due, Math.max(0, ChronoUnit.DAYS.between(due, today))));
            }
            previous = done;
        }
        return Optional.empty();
    }
}
