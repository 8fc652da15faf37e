package org.tumorboard.intake.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.intake.service.CaseRegistry;
import org.tumorboard.platform.messaging.CaseEventEffect;
import org.tumorboard.platform.messaging.CaseEventProcessor;

import io.smallrye.common.annotation.Blocking;

/** Intake follows every topic: its own and the other three services', for status and timeline. */
@ApplicationScoped
public class CaseEventsConsumer implements CaseEventEffect {

    @Inject
    CaseEventProcessor processor;

    @Inject
    CaseRegistry registry;

    /** One channel subscribed to the four topics (see application.properties): per-case order holds within each topic. */
    @Incoming("case-events")
    @Blocking
    public void onCaseEvent(ConsumerRecord<String, String> record) {
        processor.process(record, this);
    }

    /** The effect of one event (in the inbox transaction), for the live stream and for a replayed dead letter. */
    @Override
    public void accept(CaseEvent event) {
        registry.apply(event);
    }
}
