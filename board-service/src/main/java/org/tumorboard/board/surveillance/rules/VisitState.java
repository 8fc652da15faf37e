package org.tumorboard.board.surveillance.rules;

import java.time.LocalDate;

/**
 * rps-reference.md section 6: a visit is due on its date and overdue after a grace period (default 30 days,
 * configurable); before its date it is upcoming; once recorded it is done.
 */
public final class VisitState {

    public enum State {
        UPCOMING, DUE, OVERDUE, DONE
    }

    public static final int DEFAULT_GRACE_DAYS = 30;

    private VisitState() {
    }

    public static State of(LocalDate due, boolean done, LocalDate today, int graceDays) {
        if (done) {
            return State.DONE;
        }
        if (today.isBefore(due)) {
            return State.UPCOMING;
        }
        return today.isAfter(due.plusDays(graceDays)) ? State.OVERDUE : State.DUE;
    }
}
