package org.tumorboard.platform.messaging;

import java.util.function.Consumer;

import org.tumorboard.events.CaseEvent;

/**
 * What a service does with one consumed event (inside the inbox transaction). Each service's consumer implements it,
 * so that a dead letter can be replayed through the same effect as the live stream.
 */
public interface CaseEventEffect extends Consumer<CaseEvent> {
}
