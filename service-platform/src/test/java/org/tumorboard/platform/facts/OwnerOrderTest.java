package org.tumorboard.platform.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tumorboard.events.CaseEvent;

/** The one "a later commit of the owner wins" rule, for every pair of a fact held and an event arriving. */
class OwnerOrderTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static CaseEvent event(long sequence, Instant time) {
        return new CaseEvent(UUID.randomUUID(), "pathology-service", "tumorboard.pathology.biopsy-reported.v1",
                UUID.randomUUID().toString(), time, sequence, "{}");
    }

    @ParameterizedTest(name = "held {0}, arriving {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            # held | arriving | applies | held after | why
            none   | 1        | true    | 1          | the first fact
            none   | 0        | true    | 0          | the first fact, from before sequences (legacy)
            3      | 4        | true    | 4          | newer commit
            3      | 9        | true    | 9          | newer commit after a gap
            3      | 3        | true    | 3          | the same transaction (a report and its typed twin)
            3      | 2        | false   | 3          | older commit delivered late
            3      | 0        | false   | 3          | legacy event after a numbered one
            0      | 0        | true    | 0          | two legacy events: the later delivered
            0      | 1        | true    | 1          | the first numbered after legacy ones
            """)
    void aLaterCommitOfTheOwnerWins(Long held, long arriving, boolean applies, long heldAfter, String why) {
        OwnerOrder order = new OwnerOrder();
        if (held != null) {
            assertTrue(order.advance(event(held, T0)));
        }
        // The clock never orders: the arriving event says it is older, or newer, than it is.
        Instant claimed = applies ? T0.minusSeconds(3600) : T0.plusSeconds(3600);
        assertEquals(applies, order.admits(event(arriving, claimed)), why);
        assertEquals(applies, order.advance(event(arriving, claimed)), why);
        assertEquals(heldAfter, order.sequence(), why);
        assertEquals(applies ? claimed : T0, order.at(), why);
    }

    @Test
    void aSlotNeverSetHoldsNothingAndAdmitsAnything() {
        OwnerOrder read = OwnerOrder.of(null);
        assertFalse(read.held());
        assertNull(read.sequence());
        assertNull(read.at());
        assertTrue(read.admits(event(0, T0)));
        OwnerOrder kept = new OwnerOrder();
        assertTrue(kept.advance(event(7, T0)));
        assertTrue(OwnerOrder.of(kept) == kept, "a slot held is read as it is");
        assertTrue(kept.held());
        // A row stored before sequences were: a fact held, with its time only; the next event of any number applies.
        OwnerOrder beforeSequences = new OwnerOrder();
        beforeSequences.at = T0;
        assertTrue(beforeSequences.held());
        assertTrue(beforeSequences.advance(event(0, T0.minusSeconds(60))));
        assertEquals(0L, beforeSequences.sequence());
    }
}
