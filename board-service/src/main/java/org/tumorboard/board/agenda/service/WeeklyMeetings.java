package org.tumorboard.board.agenda.service;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.tumorboard.board.config.BoardConfig;
import org.tumorboard.board.repository.MeetingRepository;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/** Keeps the weekly board meeting created ahead, on the configured weekday, so ready cases always have a place. */
@ApplicationScoped
public class WeeklyMeetings {

    @Inject
    BoardConfig config;

    @Inject
    MeetingRepository meetings;

    @Inject
    AgendaService agenda;

    @Inject
    Clock clock;

    /** The next {@code weeks} meeting dates on {@code day}, today included when it is that day. */
    static List<LocalDate> datesAhead(LocalDate today, DayOfWeek day, int weeks) {
        LocalDate next = today.with(TemporalAdjusters.nextOrSame(day));
        return IntStream.range(0, weeks).mapToObj(next::plusWeeks).toList();
    }

    void onStart(@Observes StartupEvent event) {
        ensureAhead();
    }

    /** The advisory lock key of the weekly meeting job (any constant no other lock of this database uses). */
    static final long WEEKLY_MEETING_LOCK = 0x7475_6d6f_7277_6b6cL;

    @Scheduled(cron = "0 0 5 * * ?", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void ensureAhead() {
        BoardConfig.WeeklyMeeting weekly = config.weeklyMeeting();
        if (!weekly.enabled()) {
            return;
        }
        // Every replica runs this job (at start and daily): the lock makes them take turns, so a date gets one meeting.
        meetings.getEntityManager().createNativeQuery("select count(*) from (select pg_advisory_xact_lock(:key)) as l")
                .setParameter("key", WEEKLY_MEETING_LOCK).getSingleResult();
        for (LocalDate date : datesAhead(LocalDate.now(clock), weekly.day(), weekly.weeksAhead())) {
            if (!meetings.existsOn(date)) {
                agenda.create(date, weekly.capacity(), "weekly-schedule");
                Log.infof("weekly board meeting created for %s", date);
            }
        }
    }
}
