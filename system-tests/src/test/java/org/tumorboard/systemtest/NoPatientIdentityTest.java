package org.tumorboard.systemtest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.tumorboard.events.Topics;

/**
 * After every other system test: no record on any topic of the broker (keys, headers, values, dead letters included)
 * and no line of any service's log carries a name, MRN or birth date of a patient the tests referred.
 */
@Order(3)
class NoPatientIdentityTest {

    @Test
    void noTopicCarriesPatientIdentity() throws Exception {
        SystemStack stack = SystemStack.get();
        List<Patients.Identity> patients = Patients.created();
        if (patients.isEmpty()) {
            // Run on its own (e.g. -Dtest=NoPatientIdentityTest): refer one patient so there is something to look for.
            Api.as("coord-hub", SystemStack.Service.INTAKE).body(Patients.referral("HUB", Patients.next(), 9.0))
                    .post("/api/referrals").then().statusCode(201);
            patients = Patients.created();
        }
        Set<String> topics;
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        try (Admin admin = Admin.create(props)) {
            topics = new TreeSet<>(admin.listTopics().names().get());
        }
        assertTrue(topics.containsAll(List.of(Topics.INTAKE, Topics.PATHOLOGY, Topics.STAGING, Topics.BOARD)), "topics: " + topics);

        int records = 0;
        java.util.Map<String, Integer> perTopic = new java.util.TreeMap<>();
        List<String> findings = new ArrayList<>();
        for (String topic : topics) {
            for (ConsumerRecord<String, String> r : everyRecord(stack.kafkaBootstrap(), topic)) {
                records++;
                perTopic.merge(topic, 1, Integer::sum);
                StringBuilder text = new StringBuilder().append(r.key()).append('\n').append(r.value());
                for (Header h : r.headers()) {
                    text.append('\n').append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8));
                }
                identityIn(text.toString(), patients).ifPresent(v -> findings.add(topic + " offset " + r.offset() + ": " + v));
            }
        }
        System.out.printf("Identity sweep: %d records, per topic %s, %d patients%n", records, perTopic, patients.size());
        for (String topic : List.of(Topics.INTAKE, Topics.PATHOLOGY, Topics.STAGING, Topics.BOARD)) {
            assertTrue(perTopic.getOrDefault(topic, 0) > 0, "the sweep must have read the tests' events on " + topic + ": " + perTopic);
        }
        assertTrue(findings.isEmpty(), "patient identity on a topic: " + findings);
    }

    @Test
    void noServiceLogCarriesPatientIdentity() throws IOException {
        SystemStack stack = SystemStack.get();
        List<String> findings = new ArrayList<>();
        for (String service : List.of("intake-service", "pathology-service", "staging-service", "board-service")) {
            Path log = stack.process(service).log();
            try (Stream<String> lines = Files.lines(log)) {
                lines.forEach(line -> identityIn(line, Patients.created()).ifPresent(v -> findings.add(service + ": " + line)));
            }
            assertFalse(Files.size(log) == 0, service + " wrote a log");
        }
        assertTrue(findings.isEmpty(), "patient identity in a service log: " + findings);
    }

    /** Every record on the topic now, from the first offset to the end of each partition. */
    private static List<ConsumerRecord<String, String>> everyRecord(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static java.util.Optional<String> identityIn(String text, List<Patients.Identity> patients) {
        for (Patients.Identity p : patients) {
            for (String value : p.values()) {
                if (text.contains(value)) {
                    return java.util.Optional.of(value);
                }
            }
        }
        return java.util.Optional.empty();
    }
}
