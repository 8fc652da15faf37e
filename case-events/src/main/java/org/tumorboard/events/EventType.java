package org.tumorboard.events;

import java.util.Objects;

/**
 * One kind of event in the contract: its CloudEvents {@code type}, the topic it travels on and its payload record.
 * Types are named {@code tumorboard.<service>.<what-happened>.v<N>}; a breaking change is a new version.
 */
public record EventType<T extends CaseEventPayload>(String name, String topic, Class<T> payloadClass) {

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payloadClass, "payloadClass");
        if (!name.matches("tumorboard\\.[a-z]+\\.[a-z-]+\\.v[0-9]+")) {
            throw new IllegalArgumentException("event type name does not follow tumorboard.<service>.<what>.v<N>: " + name);
        }
    }
}
