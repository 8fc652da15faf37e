package org.tumorboard.events.pathology;

/** A resection report was posted; {@code margin} is R0, R1 or R2. */
public record ResectionReported(String caseId, String reportId, int version, String margin) {
}
