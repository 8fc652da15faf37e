package org.tumorboard.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/**
 * The one Kafka consumer of every service: the channel {@code case-events} subscribes to the topics the service
 * follows ({@code mp.messaging.incoming.case-events.topics} in its application.properties), one record at a time, so a
 * case's events stay in order per topic. Each record goes through the inbox to the service's {@link CaseEventHandler}.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    @Inject
    CaseEventProcessor processor;

    @Inject
    CaseEventHandler handler;

    @Incoming("case-events")
    @Blocking
    public void onCaseEvent(ConsumerRecord<String, String> record) {
        processor.process(record, handler::handle);
    }
}
