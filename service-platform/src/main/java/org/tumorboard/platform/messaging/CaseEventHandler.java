package org.tumorboard.platform.messaging;

import org.tumorboard.events.CaseEvent;

/**
 * What a service does with one consumed event: the only part of consuming that is the service's own. It runs inside
 * the inbox transaction, for the live stream, a replayed dead letter and a rebuild alike; the platform's
 * {@link CaseEventsConsumer} and {@link CaseEventProcessor} do the rest (inbox, retries, dead letters).
 * <p>
 * An implementation is a pattern {@code switch} over {@link CaseEvent#payload()} with one named handler per event
 * and an explicit list of the events the service ignores.
 */
@FunctionalInterface
public interface CaseEventHandler {

    void handle(CaseEvent event);
}
