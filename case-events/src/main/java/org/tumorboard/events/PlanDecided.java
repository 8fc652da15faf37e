package org.tumorboard.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The board decided a plan; {@code option} is one of the contract's plan options. {@code votes} is how the round voted
 * (optional: an older producer sends none): the count per option and, for each vote against the decision, the voter's
 * discipline and option. Never the member or their rationale: those stay in board-service (a discipline with one member
 * at the round does point to that member, as the board's own record does).
 */
public record PlanDecided(String caseId, String option, Votes votes) implements BoardFact {

    /** The round's votes: how many were cast, how many each option got, and the dissenting ones. */
    public record Votes(int cast, Map<String, Integer> counts, List<Dissent> dissent) {

        public Votes {
            // nulls kept for the checks to name, not a NullPointerException naming nothing
            counts = counts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(counts));
            dissent = dissent == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(dissent));
        }
    }

    /** A vote for another option than the one decided. */
    public record Dissent(String discipline, String option) {
    }

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public PlanDecided {
        String self = "PlanDecided";
        PayloadChecks.required(self, "caseId", caseId);
        PayloadChecks.oneOf(self, "option", option, Vocabulary.Board.PLAN_OPTIONS);
        if (votes != null) {
            check(self, option, votes);
        }
    }

    public PlanDecided(String caseId, String option) {
        this(caseId, option, null);
    }

    /** The plan option that means the tumor is not resectable now (api-contract.md, plan options). */
    public static final String NOT_RESECTABLE_OPTION = "DEFINITIVE_RADIOTHERAPY_OR_SYSTEMIC";

    @JsonIgnore
    public boolean notResectable() {
        return NOT_RESECTABLE_OPTION.equals(option);
    }

    /** The counts add up to the votes cast, the decided option has a strict majority, each dissent is against it. */
    private static void check(String self, String option, Votes votes) {
        int sum = 0;
        for (Map.Entry<String, Integer> count : votes.counts().entrySet()) {
            PayloadChecks.oneOf(self, "votes.counts", count.getKey(), Vocabulary.Board.PLAN_OPTIONS);
            PayloadChecks.required(self, "votes.counts." + count.getKey(), count.getValue());
            PayloadChecks.range(self, "votes.counts." + count.getKey(), count.getValue(), 1, 1_000);
            sum += count.getValue();
        }
        if (sum != votes.cast()) {
            throw PayloadChecks.invalid(self, "votes.cast", "is not the sum of the counts (" + sum + "): " + votes.cast());
        }
        int forOption = votes.counts().getOrDefault(option, 0);
        if (2 * forOption <= votes.cast()) {
            throw PayloadChecks.invalid(self, "votes.counts", option + " has no strict majority of " + votes.cast() + " votes");
        }
        if (votes.dissent().size() != votes.cast() - forOption) {
            throw PayloadChecks.invalid(self, "votes.dissent", "must list each of the " + (votes.cast() - forOption)
                    + " votes against " + option);
        }
        for (int i = 0; i < votes.dissent().size(); i++) {
            Dissent d = votes.dissent().get(i);
            String field = "votes.dissent[" + i + "]";
            if (d == null) {
                throw PayloadChecks.invalid(self, field, "is missing");
            }
            PayloadChecks.required(self, field + ".discipline", d.discipline());
            PayloadChecks.oneOf(self, field + ".discipline", d.discipline(), Vocabulary.Board.DISCIPLINES);
            PayloadChecks.required(self, field + ".option", d.option());
            PayloadChecks.oneOf(self, field + ".option", d.option(), Vocabulary.Board.PLAN_OPTIONS);
            if (d.option().equals(option)) {
                throw PayloadChecks.invalid(self, field + ".option", "is the decided option: a dissent is a vote against it");
            }
        }
    }
}
