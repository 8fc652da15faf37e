package org.tumorboard.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Item 5, cost. The stack's processes as the kernel sees them (RSS, and PSS, which shares a shared page among the
 * processes that map it, so that the stack's total counts PostgreSQL's shared buffers once); each service's and the web
 * app's start-up, from process start to its first ready answer, measured on an extra replica started the way bin/run
 * starts the stack's (same jar, same JVM options, a spare port) beside the running stack; and the outbox retention
 * job, shown on those replicas with a window of one minute.
 */
final class Cost {

    /** USER_HZ, the unit of {@code /proc} CPU times: 100 on Linux. */
    private static final int CLOCK_TICKS = 100;
    static final List<String> APPS = List.of("intake", "pathology", "staging", "board", "web");
    private static final Map<String, Integer> REPLICA_PORTS = Map.of("intake", 18081, "pathology", 18082, "staging", 18083,
            "board", 18084, "web", 18080);

    /** A process of the stack and its memory, in MB. */
    record Memory(double rssMb, double pssMb) {
    }

    record Startup(String app, double readyMs, double idleRssMb, long outboxSentBeforeWindow, long outboxSentBeforeWindowAfterRetention) {
    }

    private final Stack stack;
    private final Path root;

    Cost(Stack stack, Path root) {
        this.stack = stack;
        this.root = root;
    }

    /** The stack's processes by role: the five apps, Kafka with PostgreSQL's launcher, PostgreSQL's processes, Keycloak. */
    static Map<String, Memory> memory() throws IOException {
        Map<String, Memory> memory = new LinkedHashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String role = role(proc);
                if (role != null) {
                    Memory m = read(proc);
                    memory.merge(role, m, (a, b) -> new Memory(a.rssMb() + b.rssMb(), a.pssMb() + b.pssMb()));
                }
            }
        }
        return memory;
    }

    /** CPU time each role of the stack has used so far, in seconds (user + system, from {@code /proc/<pid>/stat}). */
    static Map<String, Double> cpuSeconds() throws IOException {
        Map<String, Double> cpu = new LinkedHashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                String role = role(proc);
                if (role == null && Long.parseLong(proc.getFileName().toString()) == ProcessHandle.current().pid()) {
                    role = "bench (the load's clients)";
                }
                if (role != null) {
                    try {
                        String stat = Files.readString(proc.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // after the command: state is field 3, utime field 14, stime field 15 (proc(5)), in clock ticks
                        cpu.merge(role, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS, Double::sum);
                    } catch (IOException gone) {
                        // ended between the listing and the read
                    }
                }
            }
        }
        return cpu;
    }

    /** The machine's busy and total CPU time so far, in seconds over all cores ({@code /proc/stat}). */
    static double[] machineCpuSeconds() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        // user nice system idle iowait irq softirq steal; guest and guest_nice are already in user and nice
        for (int i = 1; i <= 8 && i < f.length; i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new double[] { (total - idle) / (double) CLOCK_TICKS, total / (double) CLOCK_TICKS };
    }

    private static String role(Path proc) {
        String cmdline;
        try {
            cmdline = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException gone) {
            return null;
        }
        if (cmdline.contains("-Dbench.replica")) {
            return null;
        }
        for (String app : APPS) {
            if (cmdline.contains((app.equals("web") ? "web-app" : app + "-service") + "/target/quarkus-app/quarkus-run.jar")) {
                return app;
            }
        }
        if (cmdline.contains("org.tumorboard.testsupport.LocalInfrastructure")) {
            return "kafka+postgres launcher";
        }
        if (cmdline.startsWith("postgres") || cmdline.contains("/bin/postgres ")) {
            return "postgres";
        }
        if (cmdline.contains("java") && cmdline.contains("keycloak")) {
            return "keycloak";
        }
        return null;
    }

    private static Memory read(Path proc) {
        try {
            double rss = kb(Files.readAllLines(proc.resolve("status")), "VmRSS:");
            double pss = kb(Files.readAllLines(proc.resolve("smaps_rollup")), "Pss:");
            return new Memory(rss / 1024, pss / 1024);
        } catch (IOException gone) {
            return new Memory(0, 0);
        }
    }

    private static double kb(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key)).findFirst()
                .map(l -> Double.parseDouble(l.substring(key.length()).trim().split("\\s+")[0])).orElse(0.0);
    }

    /** Samples the stack's memory every second while a load runs; keeps each role's highest. */
    static final class Sampler implements AutoCloseable {
        final Map<String, Memory> peak = new ConcurrentHashMap<>();
        private final Thread thread;

        Sampler() {
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        memory().forEach((role, m) -> peak.merge(role, m,
                                (a, b) -> new Memory(Math.max(a.rssMb(), b.rssMb()), Math.max(a.pssMb(), b.pssMb()))));
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    } catch (IOException e) {
                        // a process ended between the listing and the read: the next sample has it right
                    }
                }
            });
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join();
        }
    }

    /** Each app started once more beside the stack, one at a time; its start-up, its idle RSS, and its retention job. */
    List<Startup> startups() throws Exception {
        List<Startup> startups = new ArrayList<>();
        List<String> options = List.of(Files.readString(root.resolve("bin/service-java-options")).trim().split("\\s+"));
        for (String app : APPS) {
            startups.add(startup(app, REPLICA_PORTS.get(app), options));
        }
        return startups;
    }

    /**
     * Starts the replica with the app's ahead-of-time cache, as bin/run's second start does; when the cache is missing
     * or older than the build, a first start records it (not measured), as bin/run's first start does.
     */
    private Startup startup(String app, int port, List<String> options) throws Exception {
        Path dir = root.resolve((app.equals("web") ? "web-app" : app + "-service") + "/target/quarkus-app");
        Path aot = dir.resolve("app.aot");
        if (Runtime.version().feature() < 25) {
            return measure(app, port, replica(app, port, options, "-Xshare:auto")); // no AOT cache before JDK 25 (bin/run neither)
        }
        if (!Files.exists(aot) || Files.getLastModifiedTime(aot).compareTo(Files.getLastModifiedTime(dir.resolve("quarkus-run.jar"))) < 0) {
            System.out.println("bench: recording " + app + "'s ahead-of-time cache (a start not measured)");
            Process training = replica(app, port, options, "-XX:AOTCacheOutput=" + aot).start();
            try {
                awaitReady(training, "http://127.0.0.1:" + port + "/q/health/ready");
            } finally {
                training.destroy();
                training.waitFor();
            }
        }
        return measure(app, port, replica(app, port, options, "-XX:AOTCache=" + aot));
    }

    private ProcessBuilder replica(String app, int port, List<String> options, String aot) {
        boolean web = app.equals("web");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dbench.replica=" + app);
        command.addAll(options);
        command.add(aot);
        command.addAll(List.of(web ? "-Xmx256m" : "-Xmx384m", "-jar", (web ? "web-app" : app + "-service") + "/target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(root.resolve("target/bench/replica-" + app + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("OIDC_AUTH_SERVER_URL", stack.keycloak + "/realms/tumorboard");
        if (web) {
            env.put("INTAKE_URL", stack.intake);
            env.put("PATHOLOGY_URL", stack.pathology);
            env.put("STAGING_URL", stack.staging);
            env.put("BOARD_URL", stack.board);
        } else {
            String upper = app.toUpperCase();
            env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafka);
            env.put(upper + "_DB_URL", "jdbc:postgresql://" + stack.postgres + "/" + app);
            env.put(upper + "_DB_USER", app);
            env.put(upper + "_DB_PASSWORD", app);
            // the retention job, shown: sent outbox rows older than a minute go, from 30 s after start (after the idle
            // sample) every 10 s
            env.put("TUMORBOARD_RETENTION_OUTBOX_SENT", "PT1M");
            env.put("TUMORBOARD_RETENTION_FIRST_AFTER", "30s");
            env.put("TUMORBOARD_RETENTION_EVERY", "10s");
        }
        return builder;
    }

    private Startup measure(String app, int port, ProcessBuilder builder) throws Exception {
        boolean web = app.equals("web");
        long before = web ? 0 : sentBeforeWindow(app);
        Process process = builder.start();
        Instant started = process.info().startInstant().orElseGet(Instant::now);
        try {
            Instant ready = awaitReady(process, "http://127.0.0.1:" + port + "/q/health/ready");
            Thread.sleep(10_000);
            double idle = read(Path.of("/proc", String.valueOf(process.pid()))).rssMb();
            long after = 0;
            if (!web) {
                Instant deadline = Instant.now().plusSeconds(60);
                while ((after = sentBeforeWindow(app)) > 0 && Instant.now().isBefore(deadline)) {
                    Thread.sleep(1000);
                }
            }
            return new Startup(app, Stack.millis(started, ready), idle, before, after);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private Instant awaitReady(Process process, String url) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the replica ended before it was ready: " + url);
            }
            try {
                if (stack.http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Instant.now();
                }
            } catch (IOException notListeningYet) {
                // the port opens late in start-up
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("not ready within 120 s: " + url);
    }

    private long sentBeforeWindow(String service) throws Exception {
        try (Connection db = stack.db(service); Statement q = db.createStatement();
                ResultSet rs = q.executeQuery("select count(*) from outbox_event where sent_at < now() - interval '1 minute'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
