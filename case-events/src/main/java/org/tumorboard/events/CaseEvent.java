package org.tumorboard.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as it travels: the CloudEvents 1.0 attributes and the JSON payload ({@code data}).
 * {@code subject} is the case id and is also the Kafka key. The payload never carries patient identity.
 */
public record CaseEvent(UUID id, String source, String type, String subject, Instant time, String data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public CaseEvent {
        Objects.requireNonNull(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        requireText(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** A new event with a fresh id, stamped now. */
    public static <T extends CaseEventPayload> CaseEvent create(EventType<T> type, String source, String caseId, T payload, Instant now) {
        return new CaseEvent(UUID.randomUUID(), source, type.name(), caseId, now, EventCodec.toJson(payload));
    }

    public String caseId() {
        return subject;
    }

    /** The case id as a UUID; a subject that is not one makes the event malformed. */
    public UUID caseUuid() {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("event " + id + ": subject is not a case id: " + subject);
        }
    }

    public boolean is(EventType<?> eventType) {
        return eventType.name().equals(type);
    }

    /**
     * The payload decoded as the record of this event's type, for a consumer's pattern {@code switch};
     * {@link Unknown} for a type this build does not know. {@link MalformedEventException} if the payload is not valid
     * for its type.
     */
    public CaseEventPayload payload() {
        return CaseEventTypes.byName(type)
                .<CaseEventPayload>map(known -> EventCodec.fromJson(data, known.payloadClass()))
                .orElseGet(() -> new Unknown(type));
    }

    /** The payload decoded as the given type; {@link MalformedEventException} if it is not of that type or not valid. */
    public <T extends CaseEventPayload> T payload(EventType<T> eventType) {
        if (!is(eventType)) {
            throw new MalformedEventException("event " + id + " is of type " + type + ", not " + eventType.name());
        }
        return EventCodec.fromJson(data, eventType.payloadClass());
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("CloudEvents attribute '" + name + "' is missing");
        }
    }
}
