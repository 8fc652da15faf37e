package org.tumorboard.testsupport;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The broker and the database server of the local stack (bin/run): a KRaft broker and PostgreSQL on fixed ports with
 * their data under one folder, so data survives a restart. One database and role per service. Prints READY when both
 * accept connections, then runs until stopped (SIGTERM or Ctrl-C), keeping its data.
 *
 * Environment: TUMORBOARD_DATA (folder), KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), POSTGRES_PORT (5432),
 * TUMORBOARD_COMPONENTS ({@code kafka,postgres}; the system tests run each in its own process so that a fault test
 * can stop one), TUMORBOARD_DATABASES ({@code intake,pathology,staging,board,fhir}).
 */
public final class LocalInfrastructure {

    private LocalInfrastructure() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path data = Path.of(env("TUMORBOARD_DATA", ".run/data")).toAbsolutePath();
        int kafkaPort = Integer.parseInt(env("KAFKA_PORT", "9092"));
        int controllerPort = Integer.parseInt(env("KAFKA_CONTROLLER_PORT", "9093"));
        int postgresPort = Integer.parseInt(env("POSTGRES_PORT", "5432"));

        List<String> components = List.of(env("TUMORBOARD_COMPONENTS", "kafka,postgres").split(","));
        StringBuilder ready = new StringBuilder("READY");
        if (components.contains("postgres")) {
            EmbeddedPostgres postgres = EmbeddedPostgres.start(data.resolve("postgres"), postgresPort);
            for (String database : env("TUMORBOARD_DATABASES", "intake,pathology,staging,board,fhir").split(",")) {
                postgres.createServiceDatabase(database.strip());
            }
            ready.append(" postgres=127.0.0.1:").append(postgres.port());
        }
        EmbeddedKafka kafka = null;
        if (components.contains("kafka")) {
            kafka = EmbeddedKafka.start(data.resolve("kafka"), kafkaPort, controllerPort);
            ready.append(" kafka=").append(kafka.bootstrapServers());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        EmbeddedKafka broker = kafka;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (broker != null) {
                broker.stopKeepingData();
            }
            stopped.countDown();
        }, "local-infrastructure-stop"));
        System.out.println(ready.append(" data=").append(data));
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
