package org.tumorboard.board.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.tumorboard.board.service.BoardIntakeService;
import org.tumorboard.events.CaseEventTypes;
import org.tumorboard.platform.messaging.CaseEventProcessor;

import io.smallrye.common.annotation.Blocking;

@ApplicationScoped
public class CaseEventsConsumer {

    @Inject
    CaseEventProcessor processor;

    @Inject
    BoardIntakeService intake;

    @Incoming("intake-events")
    @Blocking
    public void onIntakeEvent(ConsumerRecord<String, String> record) {
        processor.process(record, event -> {
            if (event.is(CaseEventTypes.CASE_REFERRED)) {
                intake.caseReferred(event, event.payload(CaseEventTypes.CASE_REFERRED));
            }
        });
    }
}
