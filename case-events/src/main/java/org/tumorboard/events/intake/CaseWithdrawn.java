package org.tumorboard.events.intake;

/** A coordinator withdrew the case; the reason is free text written by staff, never patient identity. */
public record CaseWithdrawn(String caseId, String reason) {
}
