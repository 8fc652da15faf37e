package org.tumorboard.pathology.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new version of a report: why, and the whole corrected report of the report's kind (biopsy or resection). */
public record AmendmentCommand(
        @NotBlank @Size(max = 2000) String reason,
        @Valid BiopsyReportCommand biopsy,
        @Valid ResectionReportCommand resection) {
}
