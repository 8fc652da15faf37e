package org.tumorboard.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tumorboard.events.CaseEvent;

/** Puts records on a topic of the embedded broker, well-formed or not, as another service (or an attacker) would. */
public final class TopicWriter {

    private TopicWriter() {
    }

    /** A CloudEvent in Kafka binary mode: attributes as {@code ce_} headers, the payload as the value. */
    public static RecordMetadata send(String topic, CaseEvent event) {
        return send(topic, event.subject(), event.data(), headers(event));
    }

    /** The owner's correction of event {@code corrects}, as its outbox relay publishes it (issue 22, item 6). */
    public static RecordMetadata sendCorrection(String topic, CaseEvent event, java.util.UUID corrects) {
        Map<String, String> headers = new HashMap<>(headers(event));
        headers.put("ce_corrects", corrects.toString());
        return send(topic, event.subject(), event.data(), headers);
    }

    private static Map<String, String> headers(CaseEvent event) {
        return Map.of(
                "ce_specversion", CaseEvent.SPEC_VERSION,
                "ce_id", event.id().toString(),
                "ce_source", event.source(),
                "ce_type", event.type(),
                "ce_subject", event.subject(),
                "ce_time", event.time().toString(),
                "ce_casesequence", Long.toString(event.sequence()),
                "content-type", CaseEvent.DATA_CONTENT_TYPE);
    }

    /** Where the record was written (partition and offset), for {@link #awaitConsumed}. */
    public static RecordMetadata send(String topic, String key, String value, Map<String, String> headers) {
        Map<String, Object> props = new HashMap<>(EmbeddedKafka.get().clientConfig(EmbeddedKafka.ADMIN));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * Waits until the consumer group has committed an offset past each of these records: a barrier after which every
     * earlier record of their partitions (a redelivered duplicate, say) has been processed, without sending anything
     * that would itself change what the test asserts.
     */
    /** Whether the consumer group has committed an offset past this record (it was processed, or dead-lettered). */
    public static boolean isConsumed(String groupId, RecordMetadata record) {
        try (Admin admin = Admin.create(new HashMap<>(EmbeddedKafka.get().clientConfig(EmbeddedKafka.ADMIN)))) {
            OffsetAndMetadata at = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                    .get(new TopicPartition(record.topic(), record.partition()));
            return at != null && at.offset() > record.offset();
        } catch (Exception e) {
            throw new IllegalStateException("could not read the offsets of " + groupId, e);
        }
    }

    public static void awaitConsumed(String groupId, long timeoutMs, RecordMetadata... records) {
        Map<String, Object> props = new HashMap<>(EmbeddedKafka.get().clientConfig(EmbeddedKafka.ADMIN));
        try (Admin admin = Admin.create(props)) {
            TestEvents.await(groupId + " past " + java.util.Arrays.toString(records), timeoutMs, () -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                    for (RecordMetadata r : records) {
                        OffsetAndMetadata at = committed.get(new TopicPartition(r.topic(), r.partition()));
                        if (at == null || at.offset() <= r.offset()) {
                            return false;
                        }
                    }
                    return true;
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }
}
