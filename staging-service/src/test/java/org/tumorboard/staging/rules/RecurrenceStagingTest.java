package org.tumorboard.staging.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorboard.staging.rules.CaseStagingRule.Sourced;

/**
 * rps-reference.md section 8, "Recurrence (r)": a recurrence recorded in surveillance is staged again with prefix r; a
 * distant metastasis is rM1, stage IV. 16 cm (T3), N0, G3 throughout: M0 is IIIB, M1 IV.
 */
class RecurrenceStagingTest {

    private static final UUID VISIT = UUID.randomUUID();

    @ParameterizedTest(name = "resected {0}, neoadjuvant {1}, recurrence {2} -> {3} M {4} group {5}")
    @CsvSource(nullValues = "-", value = {
            "true,  false, -,                  p,  M0, IIIB",
            "true,  true,  -,                  yp, M0, IIIB",
            "true,  false, LOCAL_RECURRENCE,   r,  M0, IIIB",
            "true,  true,  LOCAL_RECURRENCE,   r,  M0, IIIB",
            "true,  false, DISTANT_METASTASIS, r,  M1, IV",
            // a recurrence of a case never resected (an unresectable one followed) is r too
            "false, false, DISTANT_METASTASIS, r,  M1, IV",
    })
    void aRecurrenceIsStagedAgainWithPrefixR(boolean resected, boolean neoadjuvant, String recurrence, String prefix, String m,
            String group) {
        UUID referral = UUID.randomUUID();
        CaseStagingRule.Facts facts = new CaseStagingRule.Facts(known(new BigDecimal("16.0"), referral), known(false, referral),
                known(false, referral), known("G3", UUID.randomUUID()), known("LEIOMYOSARCOMA", UUID.randomUUID()), Sourced.none(),
                Sourced.none(), Sourced.none(), resected, neoadjuvant ? known(true, UUID.randomUUID()) : Sourced.none(),
                Sourced.none(), Sourced.none(), Sourced.none(), known(recurrence, VISIT));
        CaseStagingRule.Evaluation e = CaseStagingRule.evaluate(facts);
        assertEquals(prefix, e.prefix());
        assertEquals(m, e.stage().m().name());
        assertEquals(group, e.stage().group().name());
        if (recurrence != null) {
            assertEquals(VISIT, e.inputs().stream().filter(i -> i.name().equals("recurrence")).findFirst().orElseThrow().eventId());
        }
    }

    private static <V> Sourced<V> known(V value, UUID event) {
        return value == null ? Sourced.none() : new Sourced<>(value, event, "test");
    }
}
