package org.tumorboard.board.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Median and quartiles of waiting times: every size class and the interpolation boundaries. */
class SpreadTest {

    static Stream<Arguments> table() {
        return Stream.of(
                // values, n, median, q1, q3, min, max
                Arguments.of(List.of(), new Spread(0, null, null, null, null, null)),
                Arguments.of(List.of(7L), new Spread(1, 7.0, 7.0, 7.0, 7L, 7L)),
                Arguments.of(List.of(1L, 2L), new Spread(2, 1.5, 1.25, 1.75, 1L, 2L)),
                Arguments.of(List.of(3L, 1L, 2L), new Spread(3, 2.0, 1.5, 2.5, 1L, 3L)),
                Arguments.of(List.of(4L, 1L, 3L, 2L), new Spread(4, 2.5, 1.75, 3.25, 1L, 4L)),
                Arguments.of(List.of(10L, 20L, 30L, 40L, 50L), new Spread(5, 30.0, 20.0, 40.0, 10L, 50L)),
                Arguments.of(List.of(0L, 0L, 0L), new Spread(3, 0.0, 0.0, 0.0, 0L, 0L)),
                Arguments.of(List.of(5L, 5L, 100L), new Spread(3, 5.0, 5.0, 52.5, 5L, 100L)),
                Arguments.of(List.of(-2L, 8L), new Spread(2, 3.0, 0.5, 5.5, -2L, 8L)));
    }

    @ParameterizedTest
    @MethodSource("table")
    void medianQuartilesAndRange(List<Long> values, Spread expected) {
        assertEquals(expected, Spread.of(values));
    }
}
