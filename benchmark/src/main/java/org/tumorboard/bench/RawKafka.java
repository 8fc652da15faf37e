package org.tumorboard.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.tumorboard.testsupport.EmbeddedKafka;

/** Item 1, the raw Kafka floor: Kafka's own {@code EndToEndLatency} tool against the same broker, acks=all, 1 KB records. */
final class RawKafka {

    private static final String TOPIC = "bench.end-to-end-latency";

    private RawKafka() {
    }

    /** Runs the tool in its own JVM (it ends with System.exit), logged in as the broker's admin. */
    static Percentiles measure(String bootstrap, int records, Path out) throws Exception {
        Map<String, Object> admin = new HashMap<>(EmbeddedKafka.login(EmbeddedKafka.ADMIN));
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin client = Admin.create(admin)) {
            if (!client.listTopics().names().get().contains(TOPIC)) {
                client.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
            }
        }
        Path properties = out.resolve("kafka-client.properties");
        StringBuilder props = new StringBuilder();
        EmbeddedKafka.login(EmbeddedKafka.ADMIN).forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
        Files.writeString(properties, props.toString());
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.apache.kafka.tools.EndToEndLatency", bootstrap, TOPIC,
                String.valueOf(records), "all", "1024", properties.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Files.writeString(out.resolve("end-to-end-latency.log"), output);
        Matcher m = Pattern.compile("Percentiles: 50th = ([0-9.]+), 99th = ([0-9.]+), 99\\.9th = ([0-9.]+)").matcher(output);
        if (exit != 0 || !m.find()) {
            throw new IllegalStateException("EndToEndLatency failed (exit " + exit + "): " + output);
        }
        return new Percentiles(records, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)), Double.NaN);
    }
}
