package org.tumorboard.board.messaging;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.tumorboard.events.Topics;
import org.tumorboard.testsupport.EmbeddedKafka;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 22, item 1: the broker the tests run on authenticates and authorizes as production does. Each test performs
 * an attack with a real client and shows the broker refuse it. A Quarkus test only so that it shares the JVM's one
 * broker (the test resources start it in Quarkus's class loader).
 */
@QuarkusTest
class BrokerAclTest {

    private static final String PATHOLOGY = "pathology-service";

    @Test
    void aClientWithoutCredentialsIsRefused() {
        Map<String, Object> anonymous = new HashMap<>();
        anonymous.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafka.get().bootstrapServers());
        Throwable refused = sendFails(anonymous, Topics.BOARD);
        assertInstanceOf(TimeoutException.class, refused, "a plaintext client never gets the cluster's metadata");
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> guessed = EmbeddedKafka.get().clientConfig(PATHOLOGY);
        guessed.put(SaslConfigs.SASL_JAAS_CONFIG,
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"pathology-service\" password=\"guess\";");
        assertInstanceOf(SaslAuthenticationException.class, sendFails(guessed, Topics.PATHOLOGY));
    }

    /** Pathology's credentials cannot forge the board's decisions, nor write the other services' topics. */
    @Test
    void aServiceWritesOnlyItsOwnTopicAndDeadLetterTopic() throws Exception {
        for (String topic : List.of(Topics.BOARD, Topics.INTAKE, Topics.STAGING, Topics.deadLetter("board-service"))) {
            assertInstanceOf(TopicAuthorizationException.class, sendFails(EmbeddedKafka.get().clientConfig(PATHOLOGY), topic), topic);
        }
        try (KafkaProducer<String, String> own = producer(EmbeddedKafka.get().clientConfig(PATHOLOGY))) {
            assertNotNull(own.send(new ProducerRecord<>(Topics.deadLetter(PATHOLOGY), "acl-test", "allowed")).get(30, TimeUnit.SECONDS));
        }
    }

    /** A service's consumer cannot join another's group, nor read a topic it does not consume. */
    @Test
    void aServiceReadsOnlyItsTopicsInItsOwnGroup() {
        assertThrows(GroupAuthorizationException.class, () -> poll(PATHOLOGY, "board-service", Topics.PATHOLOGY));
        assertThrows(TopicAuthorizationException.class, () -> poll(PATHOLOGY, PATHOLOGY, Topics.STAGING));
    }

    private static void poll(String user, String group, String topic) {
        Map<String, Object> config = EmbeddedKafka.get().clientConfig(user);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500));
            }
        }
    }

    private static Throwable sendFails(Map<String, Object> config, String topic) {
        try (KafkaProducer<String, String> producer = producer(config)) {
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>(topic, "acl-test", "forged")).get(30, TimeUnit.SECONDS));
            return failed.getCause();
        } catch (TimeoutException | SaslAuthenticationException thrownBySend) {
            return thrownBySend;
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> config) {
        Map<String, Object> props = new HashMap<>(config);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
