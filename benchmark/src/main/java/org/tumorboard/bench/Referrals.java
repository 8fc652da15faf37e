package org.tumorboard.bench;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/** Synthetic referrals (no real patient): a 12 cm left perirenal mass referred by the hub's coordinator. */
final class Referrals {

    static final String COORDINATOR = "coord-hub";
    static final String REFERRED = "tumorboard.intake.case-referred.v1";

    /** The sites in turn, and the coordinator who refers from each. */
    static final java.util.List<String> SITES = java.util.List.of("HUB", "SPOKE-NORTH", "SPOKE-SOUTH");

    private Referrals() {
    }

    static String coordinator(String site) {
        return switch (site) {
            case "SPOKE-NORTH" -> "coord-north";
            case "SPOKE-SOUTH" -> "coord-south";
            default -> COORDINATOR;
        };
    }

    static String referral(int i) {
        return referral(i, "HUB");
    }

    /** The same from another site (its coordinator posts it: {@link #coordinator}). */
    static String referral(int i, String site) {
        LocalDate ct = LocalDate.now().minusDays(10);
        return """
                {"referringSite":"%s","patient":{"mrn":"BENCH-%s","givenName":"Bench","familyName":"Case%d","birthDate":"1960-01-01","sex":"OTHER"},
                 "clinicalQuestion":"benchmark referral","neoadjuvantConsidered":false,
                 "imaging":{"ctAbdomenPelvisDate":"%s","chestImaging":{"modality":"CT","date":"%s"},"greatestDimensionCm":12.0,
                  "side":"LEFT","compartment":"PERIRENAL","macroscopicFat":false,"solidEnhancingComponent":true,
                  "suspiciousNodes":false,"distantLesions":false,"suspectedNonSarcoma":null}}
                """.formatted(site, UUID.randomUUID().toString().substring(0, 18).toUpperCase(Locale.ROOT), i, ct, ct.plusDays(1));
    }
}
