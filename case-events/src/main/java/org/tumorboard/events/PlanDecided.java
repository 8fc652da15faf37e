package org.tumorboard.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The board decided a plan; {@code option} is one of the contract's plan options. */
public record PlanDecided(String caseId, String option) implements CaseEventPayload {

    /** Issue 22, item 3: the ranges and vocabularies of the REST side, checked on the way in. */
    public PlanDecided {
        String self = "PlanDecided";
        PayloadChecks.required(self, "caseId", caseId);
        PayloadChecks.oneOf(self, "option", option, Vocabulary.Board.PLAN_OPTIONS);
    }

    /** The plan option that means the tumor is not resectable now (api-contract.md, plan options). */
    public static final String NOT_RESECTABLE_OPTION = "DEFINITIVE_RADIOTHERAPY_OR_SYSTEMIC";

    @JsonIgnore
    public boolean notResectable() {
        return NOT_RESECTABLE_OPTION.equals(option);
    }
}
