package org.tumorboard.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tumorboard.board.rules.Lifecycle;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.ResectabilityImaging;

/**
 * The facts the board hears from other services, on the aggregate itself (no Quarkus, broker or database): each
 * group of facts follows its owner's commit order (OwnerOrder), whatever the delivery order or the producer's clock,
 * and a fact delivered twice changes nothing the second time.
 */
class BoardCaseFactsTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-4000-8000-000000000034");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private static CaseEvent from(String owner, long sequence, Instant claimed) {
        return new CaseEvent(UUID.randomUUID(), owner, "tumorboard." + owner + ".fact.v1", CASE.toString(), claimed, sequence, "{}");
    }

    /** A case ready for the board: work-up complete, biopsy G3 (pathology's 2nd commit), staged (staging's 1st). */
    private static BoardCase ready() {
        BoardCase c = BoardCase.firstHeardOf(CASE);
        c.referred("HUB", NOW);
        c.workupCompleted();
        c.biopsyReported(from("pathology", 2, NOW), List.of());
        c.pathologyReported(from("pathology", 2, NOW), "LEIOMYOSARCOMA", "G3");
        c.staged(from("staging", 1, NOW), "c", "IIIB", false, null);
        c.factsChanged();
        assertEquals(Lifecycle.Phase.READY, c.phase);
        return c;
    }

    private static BoardCase decided() {
        BoardCase c = ready();
        c.place(UUID.randomUUID());
        c.decided(PlanOption.UPFRONT_RESECTION, LocalDate.of(2026, 3, 2));
        assertEquals(Lifecycle.Phase.DECIDED, c.phase);
        return c;
    }

    @Test
    void anOlderReportDeliveredLateChangesNothingWhateverItsClockSays() {
        BoardCase c = decided();
        c.pathologyReported(from("pathology", 1, NOW.plusSeconds(3600)), "LEIOMYOSARCOMA", "G1");
        assertEquals("G3", c.grade);
        assertEquals(Lifecycle.Phase.DECIDED, c.phase, "the decision stands");
        assertEquals(1, c.discussionRound);
    }

    @Test
    void theSameReportTwiceIsOneFact() {
        BoardCase c = decided();
        CaseEvent again = from("pathology", 2, NOW);
        c.pathologyReported(again, "LEIOMYOSARCOMA", "G3");
        c.pathologyReported(again, "LEIOMYOSARCOMA", "G3");
        assertEquals(Lifecycle.Phase.DECIDED, c.phase, "no new round for a repeated fact");
        assertEquals(1, c.discussionRound);
    }

    @Test
    void anAmendmentCommittedLaterReopensTheDecisionEvenWithAnOlderClock() {
        BoardCase c = decided();
        c.pathologyReported(from("pathology", 3, NOW.minusSeconds(86_400)), "LEIOMYOSARCOMA", "G2");
        assertEquals("G2", c.grade);
        assertEquals(2, c.discussionRound, "back to the board for a new round");
        assertNull(c.decidedOption);
    }

    @Test
    void eachOwnersOrderIsItsOwn() {
        BoardCase c = ready();
        // staging's 1st commit is held; an older staging is ignored, pathology's higher numbers are irrelevant to it
        c.staged(from("staging", 0, NOW), "c", "IB", false, null);
        assertEquals("IIIB", c.stageGroup);
        c.staged(from("staging", 2, NOW.minusSeconds(60)), "c", "IV", true, null);
        assertEquals("IV", c.stageGroup);
        assertTrue(c.metastatic);
    }

    @Test
    void aVerdictCommittedBeforeTheOneHeldIsNotApplied() {
        BoardCase c = ready();
        assertTrue(c.pathwayVerdict(from("pathology", 5, NOW)));
        assertFalse(c.pathwayVerdict(from("pathology", 4, NOW.plusSeconds(60))), "older flag or restore");
        assertTrue(c.pathwayVerdict(from("pathology", 5, NOW)), "the same transaction's twin");
    }

    @Test
    void theSpecimenAndImagingFollowTheirOwnersToo() {
        BoardCase c = decided();
        assertTrue(c.specimenReported(from("pathology", 4, NOW), "R1", null, null, List.of()));
        assertFalse(c.specimenReported(from("pathology", 3, NOW.plusSeconds(60)), "R0", null, null, List.of()));
        assertEquals("R1", c.specimenMargin);

        ResectabilityImaging imaging = new ResectabilityImaging(true, List.of(), List.of("KIDNEY_LEFT"));
        c.imaged(from("intake", 3, NOW), imaging, null);
        c.imaged(from("intake", 2, NOW.plusSeconds(60)), new ResectabilityImaging(false, List.of(), List.of()), null);
        assertEquals(List.of("KIDNEY_LEFT"), c.organsAbutted);
        // An event with the biopsy indication only does not stand for imaging findings: a later-delivered, earlier
        // commit of findings still applies after it, as before.
        c.imaged(from("intake", 5, NOW), null, Boolean.TRUE);
        assertEquals(Boolean.TRUE, c.biopsyIndicated);
        c.imaged(from("intake", 4, NOW), new ResectabilityImaging(true, List.of(), List.of("COLON_LEFT")), null);
        assertEquals(List.of("COLON_LEFT"), c.organsAbutted);
    }
}
