package org.tumorboard.systemtest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.tumorboard.events.Topics;

/**
 * After every other system test: no record on any topic of the broker (keys, headers, values, dead letters included)
 * and no line of any service's log carries a name, MRN or birth date of a patient the tests referred.
 */
@Order(100)
class NoPatientIdentityTest {

    @Test
    void noTopicCarriesPatientIdentity() throws Exception {
        SystemStack.get();
        List<Patients.Identity> patients = Patients.created();
        if (patients.isEmpty()) {
            // Run on its own (e.g. -Dtest=NoPatientIdentityTest): refer one patient so there is something to look for.
            Api.as("coord-hub", SystemStack.Service.INTAKE).body(Patients.referral("HUB", Patients.next(), 9.0))
                    .post("/api/referrals").then().statusCode(201);
            patients = Patients.created();
        }
        Set<String> topics = Broker.topics();
        assertTrue(topics.containsAll(List.of(Topics.INTAKE, Topics.PATHOLOGY, Topics.STAGING, Topics.BOARD)), "topics: " + topics);

        int records = 0;
        java.util.Map<String, Integer> perTopic = new java.util.TreeMap<>();
        List<String> findings = new ArrayList<>();
        for (String topic : topics) {
            for (ConsumerRecord<String, String> r : Broker.everyRecord(topic)) {
                records++;
                perTopic.merge(topic, 1, Integer::sum);
                StringBuilder text = new StringBuilder().append(r.key()).append('\n').append(r.value());
                for (Header h : r.headers()) {
                    text.append('\n').append(h.key()).append('=').append(new String(h.value(), StandardCharsets.UTF_8));
                }
                Patients.identityIn(text.toString()).ifPresent(v -> findings.add(topic + " offset " + r.offset() + ": " + v));
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
        for (String service : List.of("intake-service", "pathology-service", "staging-service", "board-service", "web-app")) {
            Path log = stack.process(service).log();
            try (Stream<String> lines = Files.lines(log)) {
                lines.forEach(line -> Patients.identityIn(line).ifPresent(v -> findings.add(service + ": " + line)));
            }
            assertFalse(Files.size(log) == 0, service + " wrote a log");
        }
        assertTrue(findings.isEmpty(), "patient identity in a service log: " + findings);
    }
}
