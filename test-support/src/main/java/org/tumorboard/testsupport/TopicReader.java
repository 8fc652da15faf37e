package org.tumorboard.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what is really on a topic of the embedded broker, from the beginning, as a test would check it. */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * Every record on the topic that matches, read from the beginning until {@code expected} matches are seen
     * or {@code timeout} passes; then it keeps reading for {@code settle} to catch records that should not be there.
     */
    public static List<ConsumerRecord<String, String>> read(String topic, Predicate<ConsumerRecord<String, String>> filter,
            int expected, Duration timeout, Duration settle) {
        Map<String, Object> props = new HashMap<>(EmbeddedKafka.get().clientConfig(EmbeddedKafka.ADMIN));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> matches = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            long settleUntil = Long.MAX_VALUE;
            while (System.currentTimeMillis() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        matches.add(record);
                    }
                }
                if (matches.size() >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.currentTimeMillis() + settle.toMillis();
                }
            }
        }
        return matches;
    }

    /** Records whose Kafka key is the case id. */
    public static List<ConsumerRecord<String, String>> forCase(String topic, String caseId, int expected, Duration timeout) {
        return read(topic, r -> caseId.equals(r.key()), expected, timeout, Duration.ofSeconds(1));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
