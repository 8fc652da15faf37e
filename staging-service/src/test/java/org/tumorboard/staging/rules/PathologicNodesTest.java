package org.tumorboard.staging.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorboard.staging.rules.CaseStagingRule.Sourced;

/**
 * rps-reference.md section 8, "Nodes": pN needs examined nodes. With none examined the specimen's N is NX and the
 * stage group uses the clinical N: a resection never down-stages a case on nodes nobody examined.
 */
class PathologicNodesTest {

    private static final UUID REFERRAL = UUID.randomUUID();
    private static final UUID RESECTION = UUID.randomUUID();

    @ParameterizedTest(name = "cN {0}, resected {1}, examined {2}, positive {3}: {4} {5}, stage {6}")
    @CsvSource(nullValues = "null", value = {
            // suspicious on imaging, resected, examined, positive -> N, from, group (8 cm: T2, M0, G3: N0 IIIA, N1 IIIB)
            "true,  false, null, null, N1, referral,  IIIB",
            "false, false, null, null, N0, referral,  IIIA",
            "true,  true,  0,    0,    N1, referral,  IIIB",
            "false, true,  0,    0,    N0, referral,  IIIA",
            "true,  true,  null, null, N1, referral,  IIIB",
            "true,  true,  1,    0,    N0, resection, IIIA",
            "false, true,  1,    1,    N1, resection, IIIB",
            "false, true,  12,   3,    N1, resection, IIIB",
            "true,  true,  12,   0,    N0, resection, IIIA" })
    void pathologicNodesCountOnlyWhenExamined(boolean suspicious, boolean resected, Integer examined, Integer positive, String n,
            String from, String group) {
        CaseStagingRule.Evaluation e = CaseStagingRule.evaluate(new CaseStagingRule.Facts(
                known(new BigDecimal("8.0"), REFERRAL), known(suspicious, REFERRAL), known(false, REFERRAL),
                known("G3", UUID.randomUUID()), Sourced.none(), Sourced.none(),
                examined == null ? Sourced.none() : known(examined, RESECTION),
                positive == null ? Sourced.none() : known(positive, RESECTION), resected, Sourced.none()));
        assertEquals(n, e.stage().n().name());
        assertEquals(group, e.stage().group().name());
        CaseStagingRule.Input nodes = e.inputs().stream().filter(i -> i.name().equals("nodes")).findFirst().orElseThrow();
        assertEquals(from.equals("referral") ? REFERRAL : RESECTION, nodes.eventId());
        boolean nx = resected && examined != null && examined == 0;
        assertEquals(nx, e.inputs().stream().anyMatch(i -> i.name().equals("pathologicNodes") && i.value().equals("NX")));
    }

    private static <V> Sourced<V> known(V value, UUID event) {
        return new Sourced<>(value, event, "test");
    }
}
