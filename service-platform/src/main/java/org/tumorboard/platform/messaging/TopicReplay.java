package org.tumorboard.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tumorboard.events.CaseEvent;
import org.tumorboard.events.MalformedEventException;
import org.tumorboard.platform.deadletter.DeadLetters;

import io.quarkus.logging.Log;

/**
 * Replays topics from their first offset to their end as of the start, through a consumer's effect, to rebuild read
 * models (architecture.md: every service can rebuild its read models by replaying the topics). Events are applied in
 * CloudEvents time order across the topics, through the inbox; a dead letter an operator replayed is applied with the
 * value the operator applied, one never replayed is skipped again. The live consumer keeps running meanwhile: the
 * inbox makes an event it applies and the replay applies count once.
 */
@ApplicationScoped
public class TopicReplay {

    public record Result(int records, int applied, int alreadyApplied, int skipped, long millis) {
    }

    private record Replayed(ConsumerRecord<String, String> record, CaseEvent event) {
    }

    @Inject
    BrokerLogin login;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CaseEventProcessor processor;

    @Inject
    DeadLetters deadLetters;

    public Result replay(List<String> topics, Consumer<CaseEvent> effect) {
        long started = System.nanoTime();
        List<ConsumerRecord<String, String>> records = readAll(topics);
        Map<String, String> corrected = deadLetters.replayedValues();
        java.util.Set<String> open = deadLetters.openPositions();
        List<Replayed> events = new ArrayList<>();
        int skipped = 0;
        for (ConsumerRecord<String, String> record : records) {
            String position = DeadLetters.position(record.topic(), record.partition(), record.offset());
            if (open.contains(position)) {
                skipped++; // a dead letter nobody replayed stays one, whatever made it one (issue 22, item 6)
                continue;
            }
            String fixed = corrected.get(position);
            ConsumerRecord<String, String> effective = record;
            if (fixed != null) {
                effective = new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.key(), fixed);
                for (var h : record.headers()) {
                    effective.headers().add(h);
                }
            }
            try {
                events.add(new Replayed(effective, processor.believed(effective)));
            } catch (MalformedEventException e) {
                skipped++; // a dead letter nobody replayed: it stays one
            }
        }
        events.sort(Comparator.comparing((Replayed r) -> r.event().time()).thenComparing(r -> r.record().topic())
                .thenComparingInt(r -> r.record().partition()).thenComparingLong(r -> r.record().offset()));
        int applied = 0;
        int already = 0;
        for (Replayed r : events) {
            try {
                if (processor.replay(r.event(), effect) == CaseEventProcessor.ReplayOutcome.APPLIED) {
                    applied++;
                } else {
                    already++;
                }
            } catch (RuntimeException e) {
                if (TransientFailures.isTransient(e)) {
                    throw e;
                }
                skipped++;
                Log.warnf("replay skipped event %s (%s): %s", r.event().id(), r.event().type(), e.getMessage());
            }
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        Log.infof("replayed %s: %d records, %d applied, %d already applied, %d skipped, %d ms", topics, records.size(), applied,
                already, skipped, millis);
        return new Result(records.size(), applied, already, skipped, millis);
    }

    private List<ConsumerRecord<String, String>> readAll(List<String> topics) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.CLIENT_ID_CONFIG, "replay-" + UUID.randomUUID());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(login.with(props), new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        records.add(r);
                    }
                }
            }
        }
        return records;
    }
}
