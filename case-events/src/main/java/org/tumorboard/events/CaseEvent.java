package org.tumorboard.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as it travels: the CloudEvents 1.0 attributes and the JSON payload ({@code data}).
 * {@code subject} is the case id and is also the Kafka key. The payload never carries patient identity.
 * <p>
 * {@code sequence} (the {@code casesequence} extension attribute) is the owning service's commit order of its events
 * for this case: 1, 2, 3... assigned with the outbox row under a per-case lock, so a later commit has a higher number
 * whatever the producer's clock says (issue 22, item 5). Consumers order one owner's facts for a case by it, never by
 * {@code time}. 0 marks an event from before sequences were assigned: it orders before every sequenced one.
 */
public record CaseEvent(UUID id, String source, String type, String subject, Instant time, long sequence, String data) {

    /** The sequence of an event published before the owner assigned sequences. */
    public static final long UNSEQUENCED = 0;

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public CaseEvent {
        Objects.requireNonNull(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        requireText(subject, "subject");
        Objects.requireNonNull(time, "time");
        if (sequence < 0) {
            throw new MalformedEventException("CloudEvents attribute 'casesequence' must not be negative: " + sequence);
        }
        Objects.requireNonNull(data, "data");
    }

    /** A new event with a fresh id, stamped now, the owner's {@code sequence}-th for the case. */
    public static <T extends CaseEventPayload> CaseEvent create(EventType<T> type, String source, String caseId, T payload, Instant now,
            long sequence) {
        return new CaseEvent(UUID.randomUUID(), source, type.name(), caseId, now, sequence, EventCodec.toJson(payload));
    }

    /**
     * Whether this event is at least as new as the owner's fact last applied at {@code current} (null: none yet). Only
     * events of the same owner are compared this way.
     */
    public boolean notOlderThan(Long current) {
        return current == null || sequence >= current;
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
     * for its type, or names another case than the event's subject.
     */
    public CaseEventPayload payload() {
        CaseEventPayload payload = CaseEventTypes.byName(type)
                .<CaseEventPayload>map(known -> EventCodec.fromJson(data, known.payloadClass()))
                .orElseGet(() -> new Unknown(type));
        return payload instanceof Unknown ? payload : ofThisCase(payload);
    }

    /** The payload, if it speaks of this event's case; malformed otherwise (it would change one case under another's key). */
    private <T extends CaseEventPayload> T ofThisCase(T payload) {
        if (!subject.equals(payload.caseId())) {
            throw new MalformedEventException("event " + id + ": its payload's caseId is not its subject (" + subject + ")");
        }
        return payload;
    }

    /**
     * The payload as a fact of the topic that carried the event ({@code IntakeFact.class} for intake's topic...); a type
     * of another topic's owner is malformed here. {@link Unknown} is a fact of every topic.
     */
    public <F extends CaseEventPayload> F payload(Class<F> topicFacts) {
        CaseEventPayload payload = payload();
        if (!topicFacts.isInstance(payload)) {
            throw new MalformedEventException("event " + id + ": " + type + " is not one of the " + topicFacts.getSimpleName()
                    + " of its topic");
        }
        return topicFacts.cast(payload);
    }

    /** The payload decoded as the given type; {@link MalformedEventException} if it is not of that type or not valid. */
    public <T extends CaseEventPayload> T payload(EventType<T> eventType) {
        if (!is(eventType)) {
            throw new MalformedEventException("event " + id + " is of type " + type + ", not " + eventType.name());
        }
        return ofThisCase(EventCodec.fromJson(data, eventType.payloadClass()));
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("CloudEvents attribute '" + name + "' is missing");
        }
    }
}
