package org.tumorboard.intake.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.tumorboard.intake.ChestModality;
import org.tumorboard.intake.Compartment;
import org.tumorboard.intake.Patient.Sex;
import org.tumorboard.intake.Side;
import org.tumorboard.intake.SuspectedNonSarcoma;
import org.tumorboard.intake.Vessel;
import org.tumorboard.intake.VesselExtent;

/** The body of {@code POST /api/referrals} (api-contract.md, intake-service). */
public record ReferralCommand(
        @NotBlank @Pattern(regexp = "[A-Z0-9-]{2,40}", message = "must be a site code such as SPOKE-NORTH") String referringSite,
        @NotNull @Valid PatientIdentity patient,
        @NotBlank @Size(max = 2000) String clinicalQuestion,
        @NotNull Boolean neoadjuvantConsidered,
        @NotNull @Valid Imaging imaging,
        Boolean confirmSecondOpenCase) {

    public record PatientIdentity(
            @NotBlank @Size(max = 40) String mrn,
            @NotBlank @Size(max = 200) String givenName,
            @NotBlank @Size(max = 200) String familyName,
            @NotNull @Past LocalDate birthDate,
            @NotNull Sex sex) {
    }

    public record Imaging(
            @PastOrPresent LocalDate ctAbdomenPelvisDate,
            @Valid ChestImaging chestImaging,
            @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("100.0")
            @Digits(integer = 3, fraction = 1, message = "must be in centimetres with at most one decimal") BigDecimal greatestDimensionCm,
            Side side,
            Compartment compartment,
            Boolean macroscopicFat,
            Boolean solidEnhancingComponent,
            Boolean suspiciousNodes,
            Boolean distantLesions,
            SuspectedNonSarcoma suspectedNonSarcoma,
            @Size(max = 11) List<@NotNull @Valid VesselInvolvement> vesselInvolvement,
            @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}",
                    message = "must be an organ code such as KIDNEY_LEFT") String> organsAbutted) {
    }

    /** A vessel the tumour abuts or encases (issue 19, item 7); a vessel not listed is not involved. */
    public record VesselInvolvement(@NotNull Vessel vessel, @NotNull VesselExtent extent) {
    }

    public record ChestImaging(@NotNull ChestModality modality, @NotNull @PastOrPresent LocalDate date) {
    }
}
