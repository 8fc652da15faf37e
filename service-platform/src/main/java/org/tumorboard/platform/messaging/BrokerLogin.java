package org.tumorboard.platform.messaging;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.common.annotation.Identifier;

/**
 * How this service's own Kafka clients (the outbox relay, the replay and rebuild reader, the readiness check) reach
 * the broker: the same {@code kafka.*} configuration the messaging channels use, so they log in with the service's
 * credentials (issue 22, item 1) and nothing connects anonymously.
 */
@ApplicationScoped
public class BrokerLogin {

    private static final java.util.List<String> CONNECTION = java.util.List.of("bootstrap.servers", "security.protocol",
            "sasl.mechanism", "sasl.jaas.config", "ssl.truststore.location", "ssl.truststore.type", "ssl.truststore.password",
            "ssl.truststore.certificates", "ssl.endpoint.identification.algorithm", "ssl.keystore.location", "ssl.keystore.type",
            "ssl.keystore.password", "ssl.keystore.certificate.chain", "ssl.keystore.key");

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    /** The connection and login settings, with the client's own settings on top. */
    public Map<String, Object> with(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>();
        for (String key : CONNECTION) {
            Object value = broker.get(key);
            if (value != null && !value.toString().isBlank()) {
                config.put(key, value);
            }
        }
        config.putAll(client);
        return config;
    }
}
