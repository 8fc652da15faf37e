package org.tumorboard.pathology.service;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.tumorboard.pathology.Margin;

/** The body of {@code POST /api/cases/{caseId}/resection-reports} (api-contract.md, pathology-service). */
public record ResectionReportCommand(
        @NotNull Margin margin,
        @NotNull @Min(1) @Max(10_000) Integer blocksSampled,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) BigDecimal assumedInvolvedFraction,
        @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("100.0")
        @Digits(integer = 3, fraction = 1, message = "must be in centimetres with at most one decimal") BigDecimal greatestDimensionCm,
        @PositiveOrZero @Max(500) Integer nodesExamined,
        @PositiveOrZero @Max(500) Integer nodesPositive,
        @DecimalMin("0") @DecimalMax("100") BigDecimal treatmentEffectPercent) {
}
