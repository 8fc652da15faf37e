package org.tumorboard.pathology.service;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.tumorboard.pathology.Histology;
import org.tumorboard.pathology.Marker;
import org.tumorboard.pathology.MarkerResult;
import org.tumorboard.pathology.MolecularMethod;
import org.tumorboard.pathology.SpecimenType;

/**
 * The body of {@code POST /api/cases/{caseId}/biopsy-reports} (api-contract.md, pathology-service). {@code fnclcc} is
 * required for a sarcoma histology and not graded for NOT_SARCOMA (rps-reference.md section 8).
 */
public record BiopsyReportCommand(
        @NotNull SpecimenType specimenType,
        @NotNull Histology histology,
        @Size(max = 40) List<@NotNull @Valid IhcResult> ihc,
        @Valid Molecular molecular,
        @Valid Fnclcc fnclcc) {

    public record IhcResult(@NotNull Marker marker, @NotNull MarkerResult result) {
    }

    /** Amplification results; null where not tested. */
    public record Molecular(Boolean mdm2Amplified, Boolean cdk4Amplified, MolecularMethod method) {
    }

    /** FNCLCC components; a null component is "not assessable" and gives grade GX. */
    public record Fnclcc(
            @Min(1) @Max(3) Integer differentiation,
            @PositiveOrZero @Max(10_000) Integer mitosesPer10Hpf,
            @DecimalMin("0") @DecimalMax("100") BigDecimal necrosisPercent) {
    }

    public List<IhcResult> ihcOrEmpty() {
        return ihc == null ? List.of() : ihc;
    }
}
