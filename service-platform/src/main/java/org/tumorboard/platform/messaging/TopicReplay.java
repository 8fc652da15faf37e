package org.tumorboard.platform.messaging;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
 * Replays topics through a consumer's effect to rebuild read models (architecture.md: every service can rebuild its read
 * models by replaying the topics). It streams (issue 22, item 7): at most {@link #BUFFERED} records per partition are
 * held, whatever the topics' size. Each partition is applied in offset order (its owner's publish order), and the
 * partitions are merged by CloudEvents time, one head record at a time. A dead letter an operator replayed is applied
 * with the value the operator applied; one never replayed is skipped again.
 */
@ApplicationScoped
public class TopicReplay {

    /** Records held per partition while merging. */
    static final int BUFFERED = 200;

    /** A replay gives up (and a rebuild leaves the registry as it was) when the broker delivers nothing for this long. */
    static final Duration STALL_LIMIT = Duration.ofSeconds(60);

    public record Result(int records, int applied, int alreadyApplied, int skipped, long millis) {
        public Result plus(Result other) {
            return new Result(records + other.records, applied + other.applied, alreadyApplied + other.alreadyApplied,
                    skipped + other.skipped, millis + other.millis);
        }
    }

    /** Thrown by an applier to end the replay at once (a rebuild that would differ from the live model). */
    public static final class Abort extends RuntimeException {
        public Abort(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Applies one believed event; says whether it was new. */
    @FunctionalInterface
    public interface Applier {
        CaseEventProcessor.ReplayOutcome apply(CaseEvent event);
    }

    @Inject
    BrokerLogin login;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CaseEventProcessor processor;

    @Inject
    DeadLetters deadLetters;

    /** The topics from the beginning to their end now, each event through the inbox in a transaction of its own. */
    public Result replay(List<String> topics, java.util.function.Consumer<CaseEvent> effect) {
        return replay(topics, null, endOffsets(topics), event -> processor.replay(event, effect));
    }

    /** Where each partition of the topics ends now: a replay up to here covers every record published so far. */
    public Map<TopicPartition, Long> endOffsets(List<String> topics) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            return consumer.endOffsets(partitions(consumer, topics));
        }
    }

    /**
     * The records from {@code from} (null: the beginning) up to {@code to} (exclusive), streamed through {@code applier}.
     * Open dead letters and records that fail the live checks are skipped. An event the applier cannot apply (not a
     * database outage) is skipped and logged, as the live consumer would dead-letter it; an {@link Abort} ends the replay.
     */
    public Result replay(List<String> topics, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to, Applier applier) {
        long started = System.nanoTime();
        Map<String, String> corrected = deadLetters.replayedValues();
        Set<String> open = deadLetters.positionsNotToApply();
        int records = 0;
        int applied = 0;
        int already = 0;
        int skipped = 0;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topics).stream().filter(to::containsKey).toList();
            consumer.assign(partitions);
            if (from == null) {
                consumer.seekToBeginning(partitions);
            } else {
                partitions.forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
            }
            Map<TopicPartition, ArrayDeque<ConsumerRecord<String, String>>> buffers = new LinkedHashMap<>();
            Set<TopicPartition> remaining = new HashSet<>();
            for (TopicPartition p : partitions) {
                buffers.put(p, new ArrayDeque<>());
                if (consumer.position(p) < to.getOrDefault(p, 0L)) {
                    remaining.add(p);
                }
            }
            while (true) {
                fill(consumer, buffers, remaining, to);
                if (remaining.isEmpty()) {
                    break;
                }
                TopicPartition next = remaining.stream().min(Comparator.comparing((TopicPartition p) -> timeOf(buffers.get(p).peek()))
                        .thenComparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition)).orElseThrow();
                ConsumerRecord<String, String> record = buffers.get(next).poll();
                if (buffers.get(next).isEmpty() && consumer.position(next) >= to.get(next)) {
                    remaining.remove(next);
                }
                records++;
                CaseEvent event = believed(record, open, corrected);
                if (event == null) {
                    skipped++;
                    continue;
                }
                try {
                    switch (applier.apply(event)) {
                        case APPLIED -> applied++;
                        case ALREADY_APPLIED -> already++;
                        case LEFT_TO_LIVE_CONSUMER -> skipped++;
                    }
                } catch (RuntimeException e) {
                    if (e instanceof Abort || TransientFailures.isTransient(e)) {
                        throw e;
                    }
                    skipped++;
                    Log.warnf("replay skipped event %s (%s): %s", event.id(), event.type(), CaseEventProcessor.rootMessage(e));
                }
            }
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        Log.infof("replayed %s: %d records, %d applied, %d already applied, %d skipped, %d ms", topics, records, applied, already,
                skipped, millis);
        return new Result(records, applied, already, skipped, millis);
    }

    /**
     * Polls until every partition still to be read has a record buffered. Partitions with records buffered are paused,
     * so no partition holds more than what one poll returns for it.
     */
    private static void fill(KafkaConsumer<String, String> consumer, Map<TopicPartition, ArrayDeque<ConsumerRecord<String, String>>> buffers,
            Set<TopicPartition> remaining, Map<TopicPartition, Long> to) {
        long stalledSince = System.nanoTime();
        while (remaining.stream().anyMatch(p -> buffers.get(p).isEmpty())) {
            if (System.nanoTime() - stalledSince > STALL_LIMIT.toNanos()) {
                throw new IllegalStateException("the broker delivered nothing for " + STALL_LIMIT + " while records remain to replay");
            }
            List<TopicPartition> full = remaining.stream().filter(p -> !buffers.get(p).isEmpty()).toList();
            List<TopicPartition> done = buffers.keySet().stream().filter(p -> !remaining.contains(p)).toList();
            consumer.pause(full);
            consumer.pause(done);
            consumer.resume(remaining.stream().filter(p -> buffers.get(p).isEmpty()).toList());
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                TopicPartition p = new TopicPartition(r.topic(), r.partition());
                if (r.offset() < to.get(p)) {
                    buffers.get(p).add(r);
                    stalledSince = System.nanoTime();
                }
            }
            remaining.removeIf(p -> buffers.get(p).isEmpty() && consumer.position(p) >= to.get(p));
        }
    }

    /** The event to apply for a record: the operator's value for a replayed dead letter; null to skip it. */
    private CaseEvent believed(ConsumerRecord<String, String> record, Set<String> open, Map<String, String> corrected) {
        String position = DeadLetters.position(record.topic(), record.partition(), record.offset());
        if (open.contains(position)) {
            return null; // a dead letter nobody replayed stays one; one the owner corrected is replaced by the correction
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
            return processor.believed(effective);
        } catch (MalformedEventException e) {
            return null; // the live consumer dead-lettered it too
        }
    }

    /** A record's CloudEvents time for the merge; a record without a readable one sorts first (it is skipped anyway). */
    private static java.time.Instant timeOf(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader(CloudEventRecords.TIME);
        try {
            return header == null ? java.time.Instant.MIN : java.time.Instant.parse(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            return java.time.Instant.MIN;
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> props = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, BUFFERED,
                ConsumerConfig.CLIENT_ID_CONFIG, "replay-" + UUID.randomUUID()));
        return new KafkaConsumer<>(login.with(props), new StringDeserializer(), new StringDeserializer());
    }
}
