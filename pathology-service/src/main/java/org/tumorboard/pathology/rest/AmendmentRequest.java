package org.tumorboard.pathology.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new version of a report: why, and the whole corrected report of the report's kind (biopsy or resection). */
public record AmendmentRequest(
        @NotBlank @Size(max = 2000) String reason,
        @Valid BiopsyReportRequest biopsy,
        @Valid ResectionReportRequest resection) {
}
