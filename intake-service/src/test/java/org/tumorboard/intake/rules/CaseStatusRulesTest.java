package org.tumorboard.intake.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorboard.intake.CaseStatus;

/** rps-reference.md section 1: the pathway moves forward; late events do not move it back; the loops go to the board. */
class CaseStatusRulesTest {

    private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

    @ParameterizedTest(name = "{0} + {1} (event {2} s after) -> {3}")
    @CsvSource(nullValues = "stays", value = {
            // forward along the pathway, including skipped steps
            "REFERRED,        WORKUP,          1, WORKUP",
            "WORKUP,          BIOPSY,          1, BIOPSY",
            "BIOPSY,          DIAGNOSED,       1, DIAGNOSED",
            "DIAGNOSED,       STAGED,          1, STAGED",
            "BIOPSY,          STAGED,          1, STAGED",
            "STAGED,          BOARD_SCHEDULED, 1, BOARD_SCHEDULED",
            "BOARD_SCHEDULED, PLAN_DECIDED,    1, PLAN_DECIDED",
            "PLAN_DECIDED,    NEOADJUVANT,     1, NEOADJUVANT",
            "PLAN_DECIDED,    SURGERY,         1, SURGERY",
            "NEOADJUVANT,     SURGERY,         1, SURGERY",
            "SURGERY,         SURVEILLANCE,    1, SURVEILLANCE",
            "SURVEILLANCE,    RECURRENCE,      1, RECURRENCE",
            "SURVEILLANCE,    DISCHARGED,      1, DISCHARGED",
            // never backwards, even for an event that is newer
            "STAGED,          DIAGNOSED,       1, stays",
            "SURGERY,         STAGED,          1, stays",
            "BOARD_SCHEDULED, BOARD_SCHEDULED, 1, stays",
            "BIOPSY,          REFERRED,        1, stays",
            // a late event: it happened before the current status was set
            "DIAGNOSED,       STAGED,         -1, stays",
            "BOARD_SCHEDULED, PLAN_DECIDED,   -5, stays",
            // a new round: scheduled again after the decision (reopened, plan not implemented), unless the event is older
            "PLAN_DECIDED,    BOARD_SCHEDULED, 1, BOARD_SCHEDULED",
            "NEOADJUVANT,     BOARD_SCHEDULED, 1, BOARD_SCHEDULED",
            "SURGERY,         BOARD_SCHEDULED, 1, BOARD_SCHEDULED",
            "SURVEILLANCE,    BOARD_SCHEDULED, 1, BOARD_SCHEDULED",
            "PLAN_DECIDED,    BOARD_SCHEDULED, -1, stays",
            "SURVEILLANCE,    BOARD_SCHEDULED, -1, stays",
            "PLAN_DECIDED,    STAGED,          1, stays",
            // the loops back to the board (recurrence, unresectable re-evaluated)
            "RECURRENCE,      BOARD_SCHEDULED, 1, BOARD_SCHEDULED",
            "RECURRENCE,      PLAN_DECIDED,    1, PLAN_DECIDED",
            "RECURRENCE,      STAGED,          1, stays",
            "RECURRENCE,      DIAGNOSED,       1, stays",
            "BOARD_SCHEDULED, UNRESECTABLE,    1, UNRESECTABLE",
            "UNRESECTABLE,    BOARD_SCHEDULED, 1, BOARD_SCHEDULED",
            "UNRESECTABLE,    STAGED,          1, stays",
            // side exits from anywhere, and they are final
            "WORKUP,          WITHDRAWN,       1, WITHDRAWN",
            "SURVEILLANCE,    WITHDRAWN,       1, WITHDRAWN",
            "DIAGNOSED,       NOT_SARCOMA,     1, NOT_SARCOMA",
            "WITHDRAWN,       BOARD_SCHEDULED, 1, stays",
            "NOT_SARCOMA,     STAGED,          1, stays",
            // ... but a discharged case recurs (a liposarcoma, 10-15 years on), and only a recurrence reopens it
            "DISCHARGED,      RECURRENCE,      1, RECURRENCE",
            "DISCHARGED,      RECURRENCE,     -1, stays",
            "DISCHARGED,      BOARD_SCHEDULED, 1, stays",
            "WITHDRAWN,       NOT_SARCOMA,     1, stays",
    })
    void next(CaseStatus current, CaseStatus target, long secondsAfter, CaseStatus expected) {
        assertEquals(Optional.ofNullable(expected),
                CaseStatusRules.next(current, T0, target, T0.plusSeconds(secondsAfter)));
    }

    /** Issue 19: the way back from NOT_SARCOMA, when the pathologist amends the histology back to a sarcoma. */
    @ParameterizedTest(name = "{0}, restore {1} s after -> {2}")
    @CsvSource(nullValues = "stays", value = {
            "NOT_SARCOMA,     1, DIAGNOSED",
            "NOT_SARCOMA,     0, DIAGNOSED",
            // a late restore (older than the not-sarcoma flag it would undo) moves nothing
            "NOT_SARCOMA,    -1, stays",
            // only a case off the pathway returns: elsewhere the restore is only a line on the timeline
            "DIAGNOSED,       1, stays",
            "STAGED,          1, stays",
            "BOARD_SCHEDULED, 1, stays",
            "WITHDRAWN,       1, stays",
            "DISCHARGED,      1, stays" })
    void returnToPathway(CaseStatus current, long secondsAfter, CaseStatus expected) {
        assertEquals(Optional.ofNullable(expected), CaseStatusRules.returnToPathway(current, T0, T0.plusSeconds(secondsAfter)));
    }

    /**
     * Two events of one transaction a few nanoseconds apart (a biopsy report, then its not-sarcoma flag): the first one's
     * since, stored to the microsecond, never makes the second look late.
     */
    @ParameterizedTest(name = "first at +{0} ns, second at +{1} ns")
    @CsvSource({ "500, 800", "999, 999", "0, 1", "400, 600", "999, 1000" })
    void eventsOfOneTransactionAreNeverLateToEachOther(long firstNanos, long secondNanos) {
        Instant first = T0.plusNanos(firstNanos);
        Instant storedSince = CaseStatusRules.atStoredPrecision(first);
        // what PostgreSQL gives back: microseconds, as sent (no rounding is left to do)
        assertEquals(storedSince, storedSince.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertEquals(Optional.of(CaseStatus.NOT_SARCOMA),
                CaseStatusRules.next(CaseStatus.DIAGNOSED, storedSince, CaseStatus.NOT_SARCOMA, T0.plusNanos(secondNanos)));
    }
}
