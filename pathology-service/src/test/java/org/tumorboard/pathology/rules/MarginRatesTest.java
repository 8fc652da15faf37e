package org.tumorboard.pathology.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tumorboard.pathology.rules.MarginRates.Rate;
import org.tumorboard.pathology.rules.MarginRates.Resection;

/** R0 rate (rps-reference.md section 7): none, all one call, mixed, rounding, and the published 68% / 42%. */
class MarginRatesTest {

    static Resection r(String margin) {
        return new Resection("HUB", margin);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(List.of(), new Rate("S", 0, 0, 0, 0, null)),
                Arguments.of(List.of(r("R0")), new Rate("S", 1, 1, 0, 0, new BigDecimal("1.000"))),
                Arguments.of(List.of(r("R1")), new Rate("S", 1, 0, 1, 0, new BigDecimal("0.000"))),
                Arguments.of(List.of(r("R2")), new Rate("S", 1, 0, 0, 1, new BigDecimal("0.000"))),
                Arguments.of(List.of(r("R0"), r("R1"), r("R2")), new Rate("S", 3, 1, 1, 1, new BigDecimal("0.333"))),
                Arguments.of(List.of(r("R0"), r("R0"), r("R1")), new Rate("S", 3, 2, 1, 0, new BigDecimal("0.667"))),
                // 17 of 25 is exactly the published specialized-center figure, 0.68.
                Arguments.of(Stream.concat(Stream.generate(() -> r("R0")).limit(17), Stream.generate(() -> r("R1")).limit(8)).toList(),
                        new Rate("S", 25, 17, 8, 0, new BigDecimal("0.680"))));
    }

    @ParameterizedTest
    @MethodSource("table")
    void theR0RateCountsEachMargin(List<Resection> resections, Rate expected) {
        assertEquals(expected, MarginRates.rate("S", resections));
    }

    @Test
    void perSiteInSiteOrderWithUnknownForACaseTheReferralHasNotReached() {
        assertEquals(List.of(new Rate("HUB", 1, 1, 0, 0, new BigDecimal("1.000")),
                new Rate("SPOKE-NORTH", 2, 1, 1, 0, new BigDecimal("0.500")),
                new Rate("UNKNOWN", 1, 0, 0, 1, new BigDecimal("0.000"))),
                MarginRates.bySite(List.of(new Resection("SPOKE-NORTH", "R0"), new Resection(null, "R2"), new Resection("HUB", "R0"),
                        new Resection("SPOKE-NORTH", "R1"))));
    }

    @Test
    void thePublishedComparisonIs68Against42() {
        assertEquals(new BigDecimal("0.68"), MarginRates.PUBLISHED_SPECIALIZED);
        assertEquals(new BigDecimal("0.42"), MarginRates.PUBLISHED_OTHERS);
    }
}
