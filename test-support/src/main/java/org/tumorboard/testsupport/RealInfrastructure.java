package org.tumorboard.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource that points a service at a real Kafka broker and a real PostgreSQL database,
 * both started in the test JVM (no Docker). Arg {@code database}: the service's database name, also its role's
 * ({@link EmbeddedPostgres#createServiceDatabase}).
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
        // as in production: the migrations run as the schema's owner, the service as its own, lesser role (issue 24)
        String jdbcUrl = postgres.createServiceDatabase(database);
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", database,
                "quarkus.datasource.password", database,
                "quarkus.flyway.username", database + "_owner",
                "quarkus.flyway.password", database + "_owner");
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; stopped by the JVM's shutdown hooks.
    }
}
