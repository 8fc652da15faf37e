package org.tumorboard.events.pathology;

/** A report was amended: a new version with the new values ({@code grade} and {@code histology} for a biopsy). */
public record ReportAmended(String caseId, String reportId, int version, String reportKind, String histology, String grade) {
}
