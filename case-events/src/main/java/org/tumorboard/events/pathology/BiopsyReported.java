package org.tumorboard.events.pathology;

/**
 * A biopsy report was posted. {@code grade} is the FNCLCC grade (G1, G2, G3 or GX); {@code histology} one of the
 * contract's histology values. pathology-service owns this payload and may add optional fields.
 */
public record BiopsyReported(String caseId, String reportId, int version, String histology, String grade) {
}
