package org.tumorboard.events;

/** A coordinator withdrew the case; the reason is free text written by staff, never patient identity. */
public record CaseWithdrawn(String caseId, String reason) implements CaseEventPayload {
}
