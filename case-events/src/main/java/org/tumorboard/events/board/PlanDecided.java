package org.tumorboard.events.board;

/** The board decided a plan; {@code option} is one of the contract's plan options. */
public record PlanDecided(String caseId, String option) {
}
