package org.tumorboard.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** The board decided a plan; {@code option} is one of the contract's plan options. */
public record PlanDecided(String caseId, String option) implements CaseEventPayload {

    /** The plan option that means the tumor is not resectable now (api-contract.md, plan options). */
    public static final String NOT_RESECTABLE_OPTION = "DEFINITIVE_RADIOTHERAPY_OR_SYSTEMIC";

    @JsonIgnore
    public boolean notResectable() {
        return NOT_RESECTABLE_OPTION.equals(option);
    }
}
