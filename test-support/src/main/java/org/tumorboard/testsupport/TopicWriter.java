package org.tumorboard.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tumorboard.events.CaseEvent;

/** Puts records on a topic of the embedded broker, well-formed or not, as another service (or an attacker) would. */
public final class TopicWriter {

    private TopicWriter() {
    }

    /** A CloudEvent in Kafka binary mode: attributes as {@code ce_} headers, the payload as the value. */
    public static void send(String topic, CaseEvent event) {
        send(topic, event.subject(), event.data(), Map.of(
                "ce_specversion", CaseEvent.SPEC_VERSION,
                "ce_id", event.id().toString(),
                "ce_source", event.source(),
                "ce_type", event.type(),
                "ce_subject", event.subject(),
                "ce_time", event.time().toString(),
                "content-type", CaseEvent.DATA_CONTENT_TYPE));
    }

    public static void send(String topic, String key, String value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.get().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }
}
