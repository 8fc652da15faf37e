package org.tumorboard.systemtest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Patients of the system tests with identities no event, log line or other service could hold by chance (unusual
 * names with a random suffix, an MRN of their own, a birth date no workflow date comes near), so that the identity
 * sweep ({@link NoPatientIdentityTest}) knows exactly what to look for.
 */
final class Patients {

    record Identity(String mrn, String givenName, String familyName, LocalDate birthDate) {
        List<String> values() {
            return List.of(mrn, givenName, familyName, birthDate.toString());
        }
    }

    private static final List<Identity> CREATED = new CopyOnWriteArrayList<>();
    /** Every name, MRN and birth date of {@link #CREATED}, for the sweep. */
    private static final java.util.Set<String> VALUES = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /**
     * What could be one of those values: the names' and MRNs' shapes below, and any date, tried at every position (a
     * look-ahead, so that matches may overlap: "2024-11-1945-03-12" holds 1945-03-12). A text holds a patient's value
     * exactly when one of these matches is in {@link #VALUES}, so a sweep reads each text once, whatever the number of
     * patients (thousands, with the seeded cases).
     */
    private static final java.util.regex.Pattern CANDIDATE = java.util.regex.Pattern.compile(
            "(?=((?:Zelinda|Quarteira)[a-z]{6}|SYS-\\d{7}|\\d{4}-\\d{2}-\\d{2}))");
    private static final java.util.Set<String> USED_MRNS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Patients() {
    }

    static Identity next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String suffix = letters(random, 6);
        // An MRN not used before in this run: intake rightly refuses a second open case for one MRN (409), and random
        // MRNs among a few hundred patients did collide once.
        String mrn;
        do {
            mrn = "SYS-" + (1_000_000 + random.nextInt(9_000_000));
        } while (!USED_MRNS.add(mrn));
        Identity identity = new Identity(mrn, "Zelinda" + suffix,
                "Quarteira" + suffix, LocalDate.of(1931 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(28)));
        CREATED.add(identity);
        VALUES.addAll(identity.values());
        return identity;
    }

    static List<Identity> created() {
        return List.copyOf(CREATED);
    }

    /** The first name, MRN or birth date of a patient of the tests found in the text. */
    static java.util.Optional<String> identityIn(String text) {
        java.util.regex.Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            if (VALUES.contains(m.group(1))) {
                return java.util.Optional.of(m.group(1));
            }
        }
        return java.util.Optional.empty();
    }

    /** A referral of the contract's shape for this patient: complete work-up (CT chest), a fat-containing mass. */
    static Map<String, Object> referral(String site, Identity patient, double greatestDimensionCm) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return Map.of(
                "referringSite", site,
                "patient", Map.of("mrn", patient.mrn(), "givenName", patient.givenName(), "familyName", patient.familyName(),
                        "birthDate", patient.birthDate().toString(), "sex", "FEMALE"),
                "clinicalQuestion", "Large left retroperitoneal mass, fat-containing",
                "neoadjuvantConsidered", true,
                "imaging", Map.ofEntries(
                        Map.entry("ctAbdomenPelvisDate", today.minusDays(10).toString()),
                        Map.entry("chestImaging", Map.of("modality", "CT", "date", today.minusDays(9).toString())),
                        Map.entry("greatestDimensionCm", greatestDimensionCm),
                        Map.entry("side", "LEFT"),
                        Map.entry("compartment", "PERIRENAL"),
                        Map.entry("macroscopicFat", true),
                        Map.entry("solidEnhancingComponent", true),
                        Map.entry("suspiciousNodes", false),
                        Map.entry("distantLesions", false)));
    }

    private static String letters(ThreadLocalRandom random, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }
}
