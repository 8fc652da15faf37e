package org.tumorboard.board.decision.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tumorboard.board.Discipline;
import org.tumorboard.board.PlanOption;

/**
 * rps-reference.md section 5, board rules: quorum is at least one vote from each core discipline; the decision is the
 * option with a strict majority of the votes cast, once quorum is met. A tie or no majority keeps the case open.
 */
public final class BoardDecision {

    public record Vote(String member, Discipline discipline, PlanOption option) {
    }

    /** {@code decided} is null when there is none; then {@code missingDisciplines} or the counts say why. */
    public record Outcome(PlanOption decided, List<Discipline> missingDisciplines, Map<PlanOption, Integer> counts, int votesCast) {

        public boolean quorum() {
            return missingDisciplines.isEmpty();
        }
    }

    private BoardDecision() {
    }

    public static Outcome decide(List<Vote> votes, Set<Discipline> coreDisciplines) {
        List<Discipline> missing = new ArrayList<>();
        for (Discipline d : Discipline.values()) {
            if (coreDisciplines.contains(d) && votes.stream().noneMatch(v -> v.discipline() == d)) {
                missing.add(d);
            }
        }
        Map<PlanOption, Integer> counts = new EnumMap<>(PlanOption.class);
        votes.forEach(v -> counts.merge(v.option(), 1, Integer::sum));
        PlanOption decided = null;
        if (missing.isEmpty()) {
            for (Map.Entry<PlanOption, Integer> count : counts.entrySet()) {
                if (count.getValue() * 2 > votes.size()) {
                    decided = count.getKey();
                }
            }
        }
        return new Outcome(decided, List.copyOf(missing), counts, votes.size());
    }
}
