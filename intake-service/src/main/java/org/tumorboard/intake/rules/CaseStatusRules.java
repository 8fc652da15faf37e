package org.tumorboard.intake.rules;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.tumorboard.intake.CaseStatus;

/**
 * The case pathway of rps-reference.md section 1 as a projection of events that may arrive late, twice, or out of
 * order across topics. Status only moves forward along the pathway; the two loops the reference draws back to the
 * board (a recurrence, an unresectable case re-evaluated) restart from the board; side exits are final.
 */
public final class CaseStatusRules {

    /**
     * Final: nothing that arrives later moves the case out of these (but see {@link #returnToPathway}, and a recurrence
     * after discharge).
     */
    private static final Set<CaseStatus> FINAL = EnumSet.of(CaseStatus.WITHDRAWN, CaseStatus.NOT_SARCOMA, CaseStatus.DISCHARGED);

    /** Statuses from which the case goes back to the board, so the pathway restarts at BOARD_SCHEDULED. */
    private static final Set<CaseStatus> BACK_TO_BOARD = EnumSet.of(CaseStatus.RECURRENCE, CaseStatus.UNRESECTABLE);

    private CaseStatusRules() {
    }

    /**
     * The status after an event that points to {@code target}, or empty when the case stays where it is.
     *
     * @param current      the case's status now
     * @param currentSince the time of the event that set it
     * @param target       where the event points
     * @param eventTime    when the event happened (CloudEvents {@code time})
     */
    public static Optional<CaseStatus> next(CaseStatus current, Instant currentSince, CaseStatus target, Instant eventTime) {
        // A discharged case is final but for a recurrence: a liposarcoma can recur after 10-15 years (issue 20, path 8).
        boolean lateRecurrence = current == CaseStatus.DISCHARGED && target == CaseStatus.RECURRENCE;
        if (target == null || target == current || FINAL.contains(current) && !lateRecurrence) {
            return Optional.empty();
        }
        if (atStoredPrecision(eventTime).isBefore(currentSince)) {
            // A late event: it happened before what the case already shows. It goes on the timeline, not into status.
            return Optional.empty();
        }
        if (FINAL.contains(target) || target == CaseStatus.UNRESECTABLE || target == CaseStatus.RECURRENCE) {
            return Optional.of(target);
        }
        if (target == CaseStatus.BOARD_SCHEDULED && rank(current) > rank(CaseStatus.BOARD_SCHEDULED)
                && rank(current) <= rank(CaseStatus.SURVEILLANCE)) {
            // Scheduled again after a decision, and newer than it: the board took the case back for a new round (the
            // chair reopened it, pathology changed, a plan was not implemented, residual disease): issue 20.
            return Optional.of(target);
        }
        if (BACK_TO_BOARD.contains(current)) {
            return rank(target) >= rank(CaseStatus.BOARD_SCHEDULED) ? Optional.of(target) : Optional.empty();
        }
        return rank(target) > rank(current) ? Optional.of(target) : Optional.empty();
    }

    /**
     * The one way out of NOT_SARCOMA: the pathologist amended the histology back to a sarcoma (rps-reference.md
     * section 8). The case is DIAGNOSED again and the pathway goes on from there; a late restore (older than what the
     * case shows) moves nothing, and a case that is not NOT_SARCOMA is not moved by it.
     */
    public static Optional<CaseStatus> returnToPathway(CaseStatus current, Instant currentSince, Instant eventTime) {
        if (current != CaseStatus.NOT_SARCOMA || atStoredPrecision(eventTime).isBefore(currentSince)) {
            return Optional.empty();
        }
        return Optional.of(CaseStatus.DIAGNOSED);
    }

    /**
     * An event's time as the status's {@code since} is stored and compared: to the microsecond, truncated. PostgreSQL
     * keeps microseconds and the JDBC driver rounds half up, so a since stored from a nanosecond clock could move past
     * the next event of the same transaction (a biopsy report and its not-sarcoma flag) and make it look late.
     */
    public static Instant atStoredPrecision(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    /** Position along the main pathway: REFERRED first, DISCHARGED last. */
    static int rank(CaseStatus status) {
        return switch (status) {
            case REFERRED -> 0;
            case WORKUP -> 1;
            case BIOPSY -> 2;
            case DIAGNOSED -> 3;
            case STAGED -> 4;
            case BOARD_SCHEDULED -> 5;
            case PLAN_DECIDED, UNRESECTABLE -> 6;
            case NEOADJUVANT -> 7;
            case SURGERY -> 8;
            case SURVEILLANCE -> 9;
            case RECURRENCE -> 10;
            case DISCHARGED -> 11;
            case NOT_SARCOMA, WITHDRAWN -> 12;
        };
    }
}
