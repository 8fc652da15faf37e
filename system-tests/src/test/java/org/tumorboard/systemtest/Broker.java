package org.tumorboard.systemtest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tumorboard.testsupport.EmbeddedKafka;

/** What is really on the stack's broker: every record of a topic, the consumer groups' lag, and re-publishing. */
final class Broker {

    private Broker() {
    }

    static Set<String> topics() {
        try (Admin admin = admin()) {
            return new TreeSet<>(admin.listTopics().names().get());
        } catch (Exception e) {
            throw new IllegalStateException("could not list topics", e);
        }
    }

    /** Every record on the topic now, from the first offset to the end of each partition. */
    static List<ConsumerRecord<String, String>> everyRecord(String topic) {
        Properties props = new Properties();
        props.putAll(EmbeddedKafka.login(EmbeddedKafka.ADMIN));
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SystemStack.get().kafkaBootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 60_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Publishes the records again, as they were (key, value, headers: the same CloudEvents id), in the given order. */
    static void republish(List<ConsumerRecord<String, String>> records) {
        Properties props = new Properties();
        props.putAll(EmbeddedKafka.login(EmbeddedKafka.ADMIN));
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SystemStack.get().kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (ConsumerRecord<String, String> r : records) {
                producer.send(new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers()));
            }
            producer.flush();
        }
    }

    /** Publishes one raw record (a poison message, say). */
    static void publish(String topic, String key, String value, Map<String, String> headers) {
        Properties props = new Properties();
        props.putAll(EmbeddedKafka.login(EmbeddedKafka.ADMIN));
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SystemStack.get().kafkaBootstrap());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record);
            producer.flush();
        }
    }

    /** Records the consumer group has not committed yet, over every topic it reads. */
    static long lag(String group) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            long lag = 0;
            for (var e : committed.entrySet()) {
                long position = e.getValue() == null ? 0 : e.getValue().offset();
                lag += Math.max(0, ends.get(e.getKey()).offset() - position);
            }
            return committed.isEmpty() ? Long.MAX_VALUE : lag;
        } catch (Exception e) {
            throw new IllegalStateException("could not read the lag of " + group, e);
        }
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.putAll(EmbeddedKafka.login(EmbeddedKafka.ADMIN));
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SystemStack.get().kafkaBootstrap());
        return Admin.create(props);
    }
}
