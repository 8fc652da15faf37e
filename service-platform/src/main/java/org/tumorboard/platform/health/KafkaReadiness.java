package org.tumorboard.platform.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.tumorboard.platform.messaging.BrokerLogin;

/**
 * Readiness of the Kafka broker, answered within a few seconds. (Quarkus's own Kafka check waits on the admin client's
 * default timeouts, so while the broker was down /q/health/ready took about 30 s to answer, longer than a probe waits.)
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    static final String NAME = "Kafka broker";

    @Inject
    BrokerLogin login;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "tumorboard.health.kafka-timeout-ms", defaultValue = "3000")
    int timeoutMs;

    private Admin admin;

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs)).nodes()
                    .get(timeoutMs + 500L, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named(NAME).up().withData("nodes", nodes).build();
        } catch (Exception e) {
            return HealthCheckResponse.named(NAME).down().withData("reason", "broker not reachable within " + timeoutMs + " ms")
                    .build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(login.with(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                    AdminClientConfig.CLIENT_ID_CONFIG, "readiness")));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
        }
    }
}
