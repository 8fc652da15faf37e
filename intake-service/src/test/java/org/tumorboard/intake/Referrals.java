package org.tumorboard.intake;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Referral bodies as a coordinator's client would send them, shaped like api-contract.md's example. */
public final class Referrals {

    private Referrals() {
    }

    public static Map<String, Object> valid(String site) {
        return valid(site, "MRN-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static Map<String, Object> valid(String site, String mrn) {
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("mrn", mrn);
        patient.put("givenName", "Ana");
        patient.put("familyName", "Silva");
        patient.put("birthDate", "1961-04-02");
        patient.put("sex", "FEMALE");
        Map<String, Object> imaging = new LinkedHashMap<>();
        imaging.put("ctAbdomenPelvisDate", "2026-11-01");
        imaging.put("chestImaging", Map.of("modality", "CT", "date", "2026-11-02"));
        imaging.put("greatestDimensionCm", 22.0);
        imaging.put("side", "LEFT");
        imaging.put("compartment", "PERIRENAL");
        imaging.put("macroscopicFat", true);
        imaging.put("solidEnhancingComponent", true);
        imaging.put("suspiciousNodes", false);
        imaging.put("distantLesions", false);
        imaging.put("suspectedNonSarcoma", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("referringSite", site);
        body.put("patient", patient);
        body.put("clinicalQuestion", "Large left retroperitoneal mass, fat-containing");
        body.put("neoadjuvantConsidered", true);
        body.put("imaging", imaging);
        return body;
    }

    /** A copy of the body with one field, addressed by a dotted path, replaced (or removed when value is REMOVE). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> with(Map<String, Object> body, String path, Object value) {
        Map<String, Object> copy = deepCopy(body);
        String[] parts = path.split("\\.");
        Map<String, Object> target = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            target = (Map<String, Object>) target.get(parts[i]);
        }
        if (value == REMOVE) {
            target.remove(parts[parts.length - 1]);
        } else {
            target.put(parts[parts.length - 1], value);
        }
        return copy;
    }

    public static final Object REMOVE = new Object();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> source) {
        Map<String, Object> copy = new HashMap<>();
        source.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return copy;
    }
}
