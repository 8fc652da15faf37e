package org.tumorboard.web;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import org.tumorboard.events.Vocabulary;

/**
 * The referral form's fields, named by their JSON paths in intake's contract. The browser checks what HTML can as the
 * user types (required, dates, number range); intake decides the rest.
 */
public final class ReferralForm {

    public record Choices(List<String> sexes, List<String> sides, List<String> compartments, List<String> modalities,
            List<String> suspected, List<String> yesNo) {
    }

    static final Choices CHOICES = new Choices(Vocabulary.Intake.SEXES, Vocabulary.Intake.SIDES, Vocabulary.Intake.COMPARTMENTS,
            Vocabulary.Intake.CHEST_MODALITIES, Vocabulary.Intake.SUSPECTED_NON_SARCOMAS, List.of("false", "true"));

    static final FormFields FORM = new FormFields(
            List.of("referringSite", "patient.mrn", "patient.givenName", "patient.familyName", "patient.birthDate", "patient.sex",
                    "clinicalQuestion", "neoadjuvantConsidered", "imaging.ctAbdomenPelvisDate", "imaging.chestImaging.modality",
                    "imaging.chestImaging.date", "imaging.greatestDimensionCm", "imaging.side", "imaging.compartment",
                    "imaging.macroscopicFat", "imaging.solidEnhancingComponent", "imaging.suspiciousNodes", "imaging.distantLesions",
                    "imaging.suspectedNonSarcoma", "confirmSecondOpenCase"),
            List.of("referringSite", "patient.mrn", "patient.givenName", "patient.familyName", "patient.birthDate", "patient.sex",
                    "clinicalQuestion", "neoadjuvantConsidered"),
            List.of("imaging.greatestDimensionCm"),
            List.of("neoadjuvantConsidered", "imaging.macroscopicFat", "imaging.solidEnhancingComponent", "imaging.suspiciousNodes",
                    "imaging.distantLesions", "confirmSecondOpenCase"));

    private ReferralForm() {
    }

    static Map<String, String> values(MultivaluedMap<String, String> form) {
        return FORM.values(form);
    }

    static Map<String, String> check(Map<String, String> values) {
        Map<String, String> errors = FORM.check(values);
        errors.computeIfPresent("imaging.greatestDimensionCm", (f, m) -> "must be a number of centimetres, such as 12.5");
        return errors;
    }

    static Map<String, Object> body(Map<String, String> values) {
        return FORM.body(values);
    }
}
