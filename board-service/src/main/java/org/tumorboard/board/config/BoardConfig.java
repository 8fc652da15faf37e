package org.tumorboard.board.config;

import java.time.DayOfWeek;
import java.util.Set;

import org.tumorboard.board.Discipline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Board policy a hospital may tune (rps-reference.md section 5, "defaults, configurable"). */
@ConfigMapping(prefix = "tumorboard.board")
public interface BoardConfig {

    /** Quorum: at least one vote from each of these disciplines. */
    @WithDefault("SURGERY,RADIOLOGY,PATHOLOGY,MEDICAL_ONCOLOGY,RADIATION_ONCOLOGY")
    Set<Discipline> coreDisciplines();

    WeeklyMeeting weeklyMeeting();

    interface WeeklyMeeting {
        /** Create the weekly meeting ahead automatically. */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("WEDNESDAY")
        DayOfWeek day();

        @WithDefault("12")
        int capacity();

        @WithDefault("4")
        int weeksAhead();
    }
}
