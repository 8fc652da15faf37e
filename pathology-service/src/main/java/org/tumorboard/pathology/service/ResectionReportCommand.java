package org.tumorboard.pathology.service;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.tumorboard.pathology.Histology;
import org.tumorboard.pathology.Margin;
import org.tumorboard.pathology.service.BiopsyReportCommand.Fnclcc;
import org.tumorboard.pathology.service.BiopsyReportCommand.IhcResult;
import org.tumorboard.pathology.service.BiopsyReportCommand.Molecular;

/**
 * The body of {@code POST /api/cases/{caseId}/resection-reports} (api-contract.md, pathology-service, and its second-wave
 * additions): where the specimen was re-assessed, its {@code histology}, {@code fnclcc}, {@code ihc} and
 * {@code molecular} in the biopsy's shapes; {@code treatmentEffectPercent} is the viable tumor after neoadjuvant therapy.
 */
public record ResectionReportCommand(
        @NotNull Margin margin,
        @NotNull @Min(1) @Max(10_000) Integer blocksSampled,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) BigDecimal assumedInvolvedFraction,
        @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("100.0")
        @Digits(integer = 3, fraction = 1, message = "must be in centimetres with at most one decimal") BigDecimal greatestDimensionCm,
        @PositiveOrZero @Max(500) Integer nodesExamined,
        @PositiveOrZero @Max(500) Integer nodesPositive,
        @DecimalMin("0") @DecimalMax("100") BigDecimal treatmentEffectPercent,
        Histology histology,
        @Valid Fnclcc fnclcc,
        @Size(max = 40) List<@NotNull @Valid IhcResult> ihc,
        @Valid Molecular molecular) {

    /** The specimen was re-assessed: the report gives a histology or FNCLCC components. */
    public boolean reassessed() {
        return histology != null || fnclcc != null || ihc != null && !ihc.isEmpty() || molecular != null;
    }
}
