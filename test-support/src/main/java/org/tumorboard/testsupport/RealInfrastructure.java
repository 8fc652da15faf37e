package org.tumorboard.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource that points a service at a real Kafka broker and a real PostgreSQL database,
 * both started in the test JVM (no Docker). Arg {@code database}: the service's database name.
 * The broker and the server are started once per JVM and stay up for all test classes.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        EmbeddedKafka kafka = EmbeddedKafka.get();
        EmbeddedPostgres postgres = EmbeddedPostgres.get();
        String jdbcUrl = postgres.createDatabase(database);
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", EmbeddedPostgres.USER,
                "quarkus.datasource.password", EmbeddedPostgres.PASSWORD);
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; stopped by the JVM's shutdown hooks.
    }
}
