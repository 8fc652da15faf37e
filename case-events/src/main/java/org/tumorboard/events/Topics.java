package org.tumorboard.events;

import java.util.List;

/**
 * Kafka topic names. Each service publishes on exactly one topic; the Kafka key is always the case id,
 * so the events of one case stay in order on a topic.
 */
public final class Topics {

    public static final String INTAKE = "intake.case-events";
    public static final String PATHOLOGY = "pathology.report-events";
    public static final String STAGING = "staging.stage-events";
    public static final String BOARD = "board.case-events";

    /** Every topic that carries case events, in pathway order. */
    public static final List<String> ALL = List.of(INTAKE, PATHOLOGY, STAGING, BOARD);

    private Topics() {
    }

    /**
     * The dead-letter topic of one consuming service: messages it could not process, with the reason in headers.
     * One per consumer, because the same message may be fine for one service and poison for another.
     */
    public static String deadLetter(String consumingService) {
        return consumingService + ".dead-letter";
    }
}
