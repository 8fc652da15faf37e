package org.tumorboard.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.tumorboard.board.rules.Lifecycle;
import org.tumorboard.board.rules.Lifecycle.Phase;
import org.tumorboard.board.rules.Lifecycle.Trigger;
import org.tumorboard.board.surveillance.rules.SurveillanceSchedule;
import org.tumorboard.platform.failure.Conflict;

/**
 * Every row of {@code lifecycle.csv} driven through the aggregate's own methods, not the table alone: a case in the row's phase hears the fact or takes the command, and lands where the row says; a refused command is
 * a {@link Conflict} and changes nothing; a refused fact changes nothing. Then the same fact or command again, as a
 * redelivery or a double click: it lands where the table says from where the first one left the case. No Quarkus,
 * broker or database: milliseconds.
 */
class BoardCaseLifecycleTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-4000-8000-000000000020");

    /**
     * A case in {@code phase} as it would be there: facts complete from READY on (a case reached the board with them),
     * a decided plan from DECIDED on, the flags of an exit phase.
     */
    private static BoardCase in(Phase phase) {
        BoardCase c = BoardCase.firstHeardOf(CASE);
        c.referred("HUB", Instant.parse("2026-03-01T10:00:00Z"));
        c.phase = phase;
        if (phase != Phase.WAITING) {
            c.workupCompleted();
            c.biopsyReported = true;
            c.staged = true;
        }
        if (phase == Phase.DECIDED || phase == Phase.IN_TREATMENT || phase == Phase.IN_SURVEILLANCE || phase == Phase.DISCHARGED) {
            c.decidedOption = PlanOption.UPFRONT_RESECTION;
        }
        c.nonSarcoma = phase == Phase.OFF_PATHWAY;
        c.withdrawn = phase == Phase.WITHDRAWN;
        return c;
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvFileSource(resources = "/lifecycle.csv", numLinesToSkip = 1)
    void everyRowThroughTheAggregate(Phase phase, Trigger trigger, String outcome) {
        BoardCase c = in(phase);
        if (isCommand(trigger) && outcome.equals("refuse")) {
            assertThrows(Conflict.class, () -> take(c, trigger), phase + " + " + trigger);
            assertEquals(phase, c.phase, "a refused command changes nothing");
            return;
        }
        take(c, trigger);
        Phase first = then(c, Lifecycle.next(phase, trigger) instanceof Lifecycle.Move m ? m.phase() : phase, trigger);
        assertEquals(outcome.equals("stay") || outcome.equals("refuse") ? then(c, phase, trigger) : then(c, Phase.valueOf(outcome), trigger),
                first, "the row");
        assertEquals(first, c.phase, phase + " + " + trigger);

        // the same again: a fact delivered twice, a command sent twice
        Lifecycle.Outcome again = Lifecycle.next(first, trigger);
        if (again instanceof Lifecycle.Refuse && isCommand(trigger)) {
            assertThrows(Conflict.class, () -> take(c, trigger), first + " + " + trigger + " again");
            assertEquals(first, c.phase);
        } else {
            take(c, trigger);
            assertEquals(then(c, again instanceof Lifecycle.Move m ? m.phase() : first, trigger), c.phase, first + " + " + trigger + " again");
        }
    }

    /**
     * Where the table's step leaves the case once the aggregate's method has finished: a reopened or restored case is
     * checked for readiness at once (the table's FACTS_COMPLETE or FACTS_INCOMPLETE, by the facts it holds).
     */
    private static Phase then(BoardCase c, Phase afterStep, Trigger trigger) {
        if (trigger != Trigger.BACK_TO_BOARD && trigger != Trigger.SARCOMA_RESTORED) {
            return afterStep;
        }
        Trigger readiness = c.readiness().ready() ? Trigger.FACTS_COMPLETE : Trigger.FACTS_INCOMPLETE;
        return Lifecycle.next(afterStep, readiness) instanceof Lifecycle.Move m ? m.phase() : afterStep;
    }

    private static boolean isCommand(Trigger trigger) {
        return trigger.ordinal() >= Trigger.VOTE.ordinal();
    }

    /** The aggregate's method that takes this fact or command. */
    private static void take(BoardCase c, Trigger trigger) {
        switch (trigger) {
            case FACTS_COMPLETE -> {
                c.workupCompleted();
                c.biopsyReported = true;
                c.staged = true;
                c.factsChanged();
            }
            case FACTS_INCOMPLETE -> {
                c.workupReopened(List.of("CHEST_CT"));
                c.factsChanged();
            }
            case PLACED -> c.place(UUID.randomUUID());
            case MEETING_CLOSED_UNDECIDED -> c.meetingClosedUndecided();
            case DECIDED -> c.decided(PlanOption.UPFRONT_RESECTION, LocalDate.of(2026, 3, 2));
            case TREATMENT_STARTED -> c.treatmentStarted();
            case SURVEILLANCE_STARTED -> c.surveillanceStarted(SurveillanceSchedule.Track.HIGH_GRADE);
            case DISCHARGED -> c.discharge();
            case BACK_TO_BOARD -> c.reopen();
            case NOT_SARCOMA -> c.offPathway("carcinoma on review");
            case SARCOMA_RESTORED -> c.backOnPathway();
            case WITHDRAWN -> c.withdraw();
            case WAIVE_BIOPSY -> c.waiveBiopsy("core biopsy too risky");
            case ASSESS -> c.assessResectability(Resectability.RESECTABLE, "en bloc with the left kidney", "surgeon", Instant.now());
            case VOTE, DECIDE, MOVE, REOPEN, RECORD_TREATMENT, RECORD_VISIT -> c.command(trigger);
        }
    }
}
