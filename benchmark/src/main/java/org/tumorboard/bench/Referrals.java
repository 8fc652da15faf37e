package org.tumorboard.bench;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/** Synthetic referrals (no real patient): a 12 cm left perirenal mass referred by the hub's coordinator. */
final class Referrals {

    static final String COORDINATOR = "coord-hub";
    static final String REFERRED = "tumorboard.intake.case-referred.v1";

    private Referrals() {
    }

    static String referral(int i) {
        LocalDate ct = LocalDate.now().minusDays(10);
        return """
                {"referringSite":"HUB","patient":{"mrn":"BENCH-%s","givenName":"Bench","familyName":"Case%d","birthDate":"1960-01-01","sex":"OTHER"},
                 "clinicalQuestion":"benchmark referral","neoadjuvantConsidered":false,
                 "imaging":{"ctAbdomenPelvisDate":"%s","chestImaging":{"modality":"CT","date":"%s"},"greatestDimensionCm":12.0,
                  "side":"LEFT","compartment":"PERIRENAL","macroscopicFat":false,"solidEnhancingComponent":true,
                  "suspiciousNodes":false,"distantLesions":false,"suspectedNonSarcoma":null}}
                """.formatted(UUID.randomUUID().toString().substring(0, 18).toUpperCase(Locale.ROOT), i, ct, ct.plusDays(1));
    }
}
