package org.tumorboard.testsupport;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.events.CaseReferred;
import org.tumorboard.events.Sources;

/** Events as the producing services emit them, for feeding a consumer on the real broker. */
public final class TestEvents {

    private TestEvents() {
    }

    public static CaseEvent caseReferred(String caseId, String site, double greatestDimensionCm) {
        CaseReferred payload = new CaseReferred(caseId, site, Instant.now(), BigDecimal.valueOf(greatestDimensionCm),
                false, false, true);
        return CaseEvent.create(CaseEventTypes.CASE_REFERRED, Sources.INTAKE, caseId, payload, Instant.now(), sequenceAt(Instant.now()));
    }

    /**
     * A test producer's sequence for an event stamped {@code time}: its microseconds since the epoch, so the tests that
     * deliver events out of order by dating them also number them in that order, as the owner's outbox would have. A
     * test of the sequence itself (time and commit order disagreeing) passes its own numbers.
     */
    public static long sequenceAt(Instant time) {
        return Math.max(1, time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000);
    }

    /** Any event of the contract, stamped with the given time (to deliver events out of order). */
    public static <T extends org.tumorboard.events.CaseEventPayload> CaseEvent event(org.tumorboard.events.EventType<T> type, String caseId, T payload, Instant time) {
        String source = "/tumorboard/" + type.name().split("\\.")[1] + "-service";
        return event(type, caseId, payload, time, sequenceAt(time));
    }

    /** Any event of the contract, stamped with the given time and numbered by its owner with the given sequence. */
    public static <T extends org.tumorboard.events.CaseEventPayload> CaseEvent event(org.tumorboard.events.EventType<T> type, String caseId, T payload, Instant time,
            long sequence) {
        String source = "/tumorboard/" + type.name().split("\\.")[1] + "-service";
        return CaseEvent.create(type, source, caseId, payload, time, sequence);
    }

    public static String newCaseId() {
        return UUID.randomUUID().toString();
    }

    /** Polls until the condition holds, failing after the timeout with the given description. */
    public static void await(String what, long timeoutMs, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }
}
