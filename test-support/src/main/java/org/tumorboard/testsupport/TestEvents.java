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
        return CaseEvent.create(CaseEventTypes.CASE_REFERRED, Sources.INTAKE, caseId, payload, Instant.now());
    }

    /** Any event of the contract, stamped with the given time (to deliver events out of order). */
    public static <T extends org.tumorboard.events.CaseEventPayload> CaseEvent event(org.tumorboard.events.EventType<T> type, String caseId, T payload, Instant time) {
        String source = "/tumorboard/" + type.name().split("\\.")[1] + "-service";
        return CaseEvent.create(type, source, caseId, payload, time);
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
