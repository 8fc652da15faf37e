package org.tumorboard.pathology.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rps-reference.md section 3, margins: (1 - p)^n and ceil(ln a / ln(1 - p)). */
class MarginSamplingTest {

    @ParameterizedTest(name = "p={0}, n={1} -> {2}")
    @CsvSource({
            "0.01, 40,  0.669",   // the reference's example
            "0.01, 1,   0.990",
            "0.01, 299, 0.050",
            "0.01, 298, 0.050",   // 0.0502 rounds to 0.050, yet 298 blocks are not enough (below)
            "0.05, 40,  0.129",
            "0.5,  10,  0.001",
    })
    void missProbability(double p, int n, String expected) {
        assertEquals(new BigDecimal(expected), MarginSampling.missProbability(p, n));
    }

    @Test
    void blocksForAFivePercentMissChanceAtOnePercentInvolvement() {
        assertEquals(299, MarginSampling.blocksNeeded(0.01, 0.05));
        assertTrue(Math.pow(0.99, 299) <= 0.05);
        assertTrue(Math.pow(0.99, 298) > 0.05, "298 blocks leave a miss chance above 5%");
    }

    @ParameterizedTest(name = "p={0} -> {1} blocks")
    @CsvSource({ "0.05, 59", "0.1, 29", "0.5, 5", "0.001, 2995" })
    void blocksNeeded(double p, int blocks) {
        assertEquals(blocks, MarginSampling.blocksNeeded(p, 0.05));
    }

    @ParameterizedTest(name = "p={0}, n={1} is refused")
    @CsvSource({ "0, 40", "1, 40", "-0.1, 40", "1.5, 40", "0.01, 0", "0.01, -3" })
    void inputsOutsideTheirRangeAreRefused(double p, int n) {
        assertThrows(IllegalArgumentException.class, () -> MarginSampling.missProbability(p, n));
    }
}
