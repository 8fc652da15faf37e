package org.tumorboard.platform.messaging;

import org.tumorboard.events.BoardFact;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.IntakeFact;
import org.tumorboard.events.MalformedEventException;
import org.tumorboard.events.PathologyFact;
import org.tumorboard.events.Sources;
import org.tumorboard.events.StagingFact;

/**
 * What a service does with one consumed event: the only part of consuming that is the service's own. It runs inside
 * the inbox transaction, for the live stream, a replayed dead letter and a rebuild alike; the platform's
 * {@link CaseEventsConsumer} and {@link CaseEventProcessor} do the rest (inbox, retries, dead letters).
 * <p>
 * A service implements one method per topic it reads (its {@code Topics.consumedBy}), each a pattern {@code switch}
 * over that topic's facts with one named handler per event and an explicit list of the events it ignores; it writes
 * nothing for the topics it does not read. {@link #handle} hands each event to the method of its
 * owner: the consumer believed the event only after checking that its source owns the topic that carried it.
 */
public interface CaseEventHandler {

    default void intake(CaseEvent event, IntakeFact fact) {
        throw notRead(event);
    }

    default void pathology(CaseEvent event, PathologyFact fact) {
        throw notRead(event);
    }

    default void staging(CaseEvent event, StagingFact fact) {
        throw notRead(event);
    }

    default void board(CaseEvent event, BoardFact fact) {
        throw notRead(event);
    }

    /** The event to the method of the topic its owner publishes on, as a fact of that topic. */
    default void handle(CaseEvent event) {
        switch (event.source()) {
            case Sources.INTAKE -> intake(event, event.payload(IntakeFact.class));
            case Sources.PATHOLOGY -> pathology(event, event.payload(PathologyFact.class));
            case Sources.STAGING -> staging(event, event.payload(StagingFact.class));
            case Sources.BOARD -> board(event, event.payload(BoardFact.class));
            default -> throw new MalformedEventException("event " + event.id() + ": " + event.source() + " publishes no case events");
        }
    }

    /** A topic the service does not subscribe to reached it: the subscription and the handler disagree. */
    private static IllegalStateException notRead(CaseEvent event) {
        return new IllegalStateException("event " + event.id() + " from " + event.source() + ": this service does not read that topic");
    }
}
