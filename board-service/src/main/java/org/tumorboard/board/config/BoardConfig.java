package org.tumorboard.board.config;

import java.time.DayOfWeek;
import java.util.Map;
import java.util.Set;

import org.tumorboard.board.Discipline;
import org.tumorboard.board.PlanOption;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Board policy a hospital may tune (rps-reference.md section 5, "defaults, configurable"). */
@ConfigMapping(prefix = "tumorboard.board")
public interface BoardConfig {

    /** Quorum: at least one vote from each of these disciplines. */
    @WithDefault("SURGERY,RADIOLOGY,PATHOLOGY,MEDICAL_ONCOLOGY,RADIATION_ONCOLOGY")
    Set<Discipline> coreDisciplines();

    WeeklyMeeting weeklyMeeting();

    /** Per plan option, its follow-through steps as {@code TYPE:days,...}; options not named keep the defaults. */
    Map<PlanOption, String> followThrough();

    Surveillance surveillance();

    /** rps-reference.md section 6, as {@code untilMonth:everyMonths} phases per track. */
    interface Surveillance {
        @WithDefault("36:3,60:6,120:12")
        String highGrade();

        @WithDefault("60:6,120:12,180:12")
        String lowGrade();

        /** Days after its due date before a visit is overdue. */
        @WithDefault("30")
        int graceDays();
    }

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
