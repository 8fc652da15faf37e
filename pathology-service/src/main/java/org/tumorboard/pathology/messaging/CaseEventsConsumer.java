package org.tumorboard.pathology.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.pathology.service.WorklistService;
import org.tumorboard.platform.messaging.CaseEventEffect;
import org.tumorboard.platform.messaging.CaseEventProcessor;

import io.smallrye.common.annotation.Blocking;

@ApplicationScoped
public class CaseEventsConsumer implements CaseEventEffect {

    @Inject
    CaseEventProcessor processor;

    @Inject
    WorklistService worklist;

    /** intake's and the board's topics (application.properties). */
    @Incoming("case-events")
    @Blocking
    public void onCaseEvent(ConsumerRecord<String, String> record) {
        processor.process(record, this);
    }

    /** The effect of one event (in the inbox transaction), for the live stream and for a replayed dead letter. */
    @Override
    public void accept(CaseEvent event) {
        worklist.apply(event);
    }
}
