package org.tumorboard.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import org.tumorboard.events.Vocabulary;

/**
 * The referral form's fields, named by their JSON paths in intake's contract. The browser checks what HTML can as the
 * user types (required, dates, number range); intake decides the rest.
 */
public final class ReferralForm {

    public record Choices(List<String> sexes, List<String> sides, List<String> compartments, List<String> modalities,
            List<String> suspected, List<String> yesNo, List<String> vessels, List<String> vesselExtents) {

        /** The organs offered to tick (a controlled list: {@link Organs}). */
        public List<String> organs() {
            return Organs.CODES;
        }

        /** Whether the organ is ticked among the form's values. */
        public boolean ticked(Map<String, String> values, String organ) {
            return Organs.lists(values.get(ORGANS_FIELD), organ);
        }

        /** One choice per vessel (its extent, or none), named imaging.vessel.VESSEL. */
        public List<String> vesselFields() {
            return vessels.stream().map(v -> VESSEL_PREFIX + v).toList();
        }
    }

    static final String VESSEL_PREFIX = "imaging.vessel.";

    static final Choices CHOICES = new Choices(Vocabulary.Intake.SEXES, Vocabulary.Intake.SIDES, Vocabulary.Intake.COMPARTMENTS,
            Vocabulary.Intake.CHEST_MODALITIES, Vocabulary.Intake.SUSPECTED_NON_SARCOMAS, List.of("false", "true"),
            Vocabulary.Intake.VESSELS, Vocabulary.Intake.VESSEL_EXTENTS);

    static final FormFields FORM = new FormFields(fields(),
            List.of("referringSite", "patient.mrn", "patient.givenName", "patient.familyName", "patient.birthDate", "patient.sex",
                    "clinicalQuestion", "neoadjuvantConsidered"),
            List.of("imaging.greatestDimensionCm"),
            List.of("neoadjuvantConsidered", "imaging.macroscopicFat", "imaging.solidEnhancingComponent", "imaging.suspiciousNodes",
                    "imaging.distantLesions", "confirmSecondOpenCase"));

    private ReferralForm() {
    }

    static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> values = FORM.values(form);
        // The organs are ticked from a list: every box ticked, as one comma-separated value (body() lists them again).
        List<String> organs = form.get(ORGANS_FIELD) == null ? List.of()
                : form.get(ORGANS_FIELD).stream().map(String::strip).filter(Organs.CODES::contains).distinct().toList();
        if (organs.isEmpty()) {
            values.remove(ORGANS_FIELD);
        } else {
            values.put(ORGANS_FIELD, String.join(",", organs));
        }
        return values;
    }

    static final String ORGANS_FIELD = "imaging.organsAbutted";

    static Map<String, String> check(Map<String, String> values) {
        Map<String, String> errors = FORM.check(values);
        errors.computeIfPresent("imaging.greatestDimensionCm", (f, m) -> "must be a number of centimetres, such as 12.5");
        return errors;
    }

    /**
     * The request body: the per-vessel choices become the contract's {@code vesselInvolvement} list, and the organs
     * abutted (codes separated by commas or spaces) its {@code organsAbutted} list.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> body(Map<String, String> values) {
        Map<String, Object> body = FORM.body(values);
        Map<String, Object> imaging = (Map<String, Object>) body.get("imaging");
        if (imaging == null) {
            return body;
        }
        Map<String, Object> vessels = (Map<String, Object>) imaging.remove("vessel");
        if (vessels != null) {
            List<Map<String, Object>> involvement = new ArrayList<>();
            vessels.forEach((vessel, extent) -> involvement.add(Map.of("vessel", vessel, "extent", extent)));
            imaging.put("vesselInvolvement", involvement);
        }
        Object organs = imaging.get("organsAbutted");
        if (organs instanceof String text) {
            imaging.put("organsAbutted", Arrays.stream(text.split("[,\\s]+")).filter(o -> !o.isBlank())
                    .map(o -> o.toUpperCase(Locale.ROOT)).toList());
        }
        return body;
    }

    private static List<String> fields() {
        List<String> fields = new ArrayList<>(List.of("referringSite", "patient.mrn", "patient.givenName", "patient.familyName",
                "patient.birthDate", "patient.sex", "clinicalQuestion", "neoadjuvantConsidered", "imaging.ctAbdomenPelvisDate",
                "imaging.chestImaging.modality", "imaging.chestImaging.date", "imaging.greatestDimensionCm", "imaging.side",
                "imaging.compartment", "imaging.macroscopicFat", "imaging.solidEnhancingComponent", "imaging.suspiciousNodes",
                "imaging.distantLesions", "imaging.suspectedNonSarcoma", "imaging.organsAbutted", "confirmSecondOpenCase"));
        fields.addAll(CHOICES.vesselFields());
        return fields;
    }
}
