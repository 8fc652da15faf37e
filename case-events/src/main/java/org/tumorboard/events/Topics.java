package org.tumorboard.events;

import java.util.List;
import java.util.Optional;

/**
 * Kafka topic names. Each service publishes on exactly one topic; the Kafka key is always the case id,
 * so the events of one case stay in order on a topic.
 */
public final class Topics {

    public static final String INTAKE = "intake.case-events";
    public static final String PATHOLOGY = "pathology.report-events";
    public static final String STAGING = "staging.stage-events";
    public static final String BOARD = "board.case-events";

    /** The one service that publishes on a topic: its CloudEvents source and the prefix of its event types. */
    public record Owner(String source, String typePrefix) {
    }

    /**
     * Who may publish on the topic (issue 22, item 2), or empty for a topic outside the contract. An event on a topic
     * whose source or type is not the owner's is not believed.
     */
    public static Optional<Owner> owner(String topic) {
        return Optional.ofNullable(switch (topic) {
            case INTAKE -> new Owner(Sources.INTAKE, "tumorboard.intake.");
            case PATHOLOGY -> new Owner(Sources.PATHOLOGY, "tumorboard.pathology.");
            case STAGING -> new Owner(Sources.STAGING, "tumorboard.staging.");
            case BOARD -> new Owner(Sources.BOARD, "tumorboard.board.");
            default -> null;
        });
    }

    /** The services, by the name each one has on the broker (its Kafka principal and its consumer group). */
    public static final List<String> SERVICES = List.of("intake-service", "pathology-service", "staging-service", "board-service");

    /**
     * The read models that publish nothing: the FHIR facade (issue 23) consumes every topic and writes only its
     * dead-letter topic. {@link #ownedBy} has no answer for them; {@link #consumedBy} has.
     */
    public static final List<String> READERS = List.of("fhir-service");

    /** Every consumer on the broker: the services, then the read models. */
    public static final List<String> CONSUMERS = List.of("intake-service", "pathology-service", "staging-service", "board-service",
            "fhir-service");

    /** The topic each service publishes on, and no other (issue 22, item 1: the broker's ACLs follow this). */
    public static String ownedBy(String service) {
        return switch (service) {
            case "intake-service" -> INTAKE;
            case "pathology-service" -> PATHOLOGY;
            case "staging-service" -> STAGING;
            case "board-service" -> BOARD;
            default -> throw new IllegalArgumentException("not a service: " + service);
        };
    }

    /** The topics each service consumes (its {@code mp.messaging.incoming.case-events.topics}), and no other. */
    public static List<String> consumedBy(String service) {
        return switch (service) {
            case "intake-service" -> List.of(INTAKE, PATHOLOGY, STAGING, BOARD);
            case "pathology-service" -> List.of(INTAKE, BOARD);
            case "staging-service" -> List.of(INTAKE, PATHOLOGY, BOARD);
            case "board-service" -> List.of(INTAKE, PATHOLOGY, STAGING);
            case "fhir-service" -> List.of(INTAKE, PATHOLOGY, STAGING, BOARD);
            default -> throw new IllegalArgumentException("not a service: " + service);
        };
    }

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
