package org.tumorboard.board.agenda.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The weekly meeting created ahead on the configured weekday. */
class WeeklyMeetingsTest {

    @ParameterizedTest(name = "from {0} on {1}, {2} weeks -> {3}")
    @CsvSource({
            "2026-11-21, WEDNESDAY, 3, 2026-11-25 2026-12-02 2026-12-09",   // a Saturday: the coming Wednesday first
            "2026-11-25, WEDNESDAY, 2, 2026-11-25 2026-12-02",              // on the day itself: today's meeting counts
            "2026-11-26, WEDNESDAY, 1, 2026-12-02",
            "2026-12-28, MONDAY,    2, 2026-12-28 2027-01-04",              // across the year's end
            "2026-11-21, FRIDAY,    0, ''",
    })
    void datesAhead(String today, DayOfWeek day, int weeks, String expected) {
        List<LocalDate> dates = expected.isBlank() ? List.of()
                : Arrays.stream(expected.trim().split("\\s+")).map(LocalDate::parse).toList();
        assertEquals(dates, WeeklyMeetings.datesAhead(LocalDate.parse(today), day, weeks));
    }
}
