package org.tumorboard.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The referral form's fields, named by their JSON paths in intake's contract (so a problem's {@code errors[].field}
 * lands next to its input), and the request body built from them. Blank fields are left out, not sent empty.
 * The browser checks what HTML can as the user types (required, dates, number range); intake decides the rest.
 */
public final class ReferralForm {

    public record Choices(List<String> sexes, List<String> sides, List<String> compartments, List<String> modalities,
            List<String> suspected, List<String> yesNo) {
    }

    static final Choices CHOICES = new Choices(List.of("FEMALE", "MALE", "OTHER", "UNKNOWN"),
            List.of("LEFT", "RIGHT", "MIDLINE", "BILATERAL"), List.of("ANTERIOR_PARARENAL", "PERIRENAL", "POSTERIOR_PARARENAL"),
            List.of("CT", "RADIOGRAPH"), List.of("LYMPHOMA", "GIST", "GERM_CELL", "CARCINOMA", "PARAGANGLIOMA"),
            List.of("false", "true"));

    static final List<String> REQUIRED = List.of("referringSite", "patient.mrn", "patient.givenName", "patient.familyName",
            "patient.birthDate", "patient.sex", "clinicalQuestion", "neoadjuvantConsidered");

    static final List<String> FIELDS = List.of("referringSite", "patient.mrn", "patient.givenName", "patient.familyName",
            "patient.birthDate", "patient.sex", "clinicalQuestion", "neoadjuvantConsidered", "imaging.ctAbdomenPelvisDate",
            "imaging.chestImaging.modality", "imaging.chestImaging.date", "imaging.greatestDimensionCm", "imaging.side",
            "imaging.compartment", "imaging.macroscopicFat", "imaging.solidEnhancingComponent", "imaging.suspiciousNodes",
            "imaging.distantLesions", "imaging.suspectedNonSarcoma", "confirmSecondOpenCase");

    static final List<String> NUMBERS = List.of("imaging.greatestDimensionCm");
    static final List<String> BOOLEANS = List.of("neoadjuvantConsidered", "imaging.macroscopicFat", "imaging.solidEnhancingComponent",
            "imaging.suspiciousNodes", "imaging.distantLesions", "confirmSecondOpenCase");

    private ReferralForm() {
    }

    /** The known fields of the posted form, trimmed; anything else posted is ignored. */
    static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String v = form.getFirst(field);
            if (v != null && !v.isBlank()) {
                values.put(field, v.strip());
            }
        }
        return values;
    }

    /** What can be said before asking intake: required fields and numbers. */
    static Map<String, String> check(Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : REQUIRED) {
            if (!values.containsKey(field)) {
                errors.put(field, "is required");
            }
        }
        for (String field : NUMBERS) {
            if (values.containsKey(field)) {
                try {
                    new BigDecimal(values.get(field));
                } catch (NumberFormatException e) {
                    errors.put(field, "must be a number of centimetres, such as 12.5");
                }
            }
        }
        return errors;
    }

    /** The body of {@code POST /api/referrals}: nested by the fields' paths, typed as the contract says. */
    static Map<String, Object> body(Map<String, String> values) {
        Map<String, Object> body = new LinkedHashMap<>();
        values.forEach((field, value) -> put(body, field.split("\\."), 0, typed(field, value)));
        return body;
    }

    private static Object typed(String field, String value) {
        if (BOOLEANS.contains(field)) {
            return Boolean.valueOf(value);
        }
        if (NUMBERS.contains(field)) {
            return new BigDecimal(value);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> into, String[] path, int i, Object value) {
        if (i == path.length - 1) {
            into.put(path[i], value);
            return;
        }
        Map<String, Object> child = (Map<String, Object>) into.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
        put(child, path, i + 1, value);
    }
}
