package org.tumorboard.systemtest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.tumorboard.testsupport.TempFiles;

/**
 * The whole system as {@code bin/run} starts it, for the system tests: a Kafka broker (KRaft) and PostgreSQL (one
 * database per service), each in its own process ({@code LocalInfrastructure}, the launcher bin/run uses), Keycloak
 * through {@code bin/keycloak} with the demo realm, and the four packaged services and the FHIR facade
 * ({@code quarkus-run.jar}) in prod mode. Every process listens on a free port, keeps its files under {@code system-tests/target/stack} and logs to
 * {@code target/stack/logs/<process>.log}. Started once per test JVM, from empty, and stopped when the JVM exits.
 */
public final class SystemStack {

    public enum Service {
        INTAKE, PATHOLOGY, STAGING, BOARD, FHIR;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static SystemStack instance;

    private final Path root;
    private final Path dir;
    private final String javaCommand;
    private final int kafkaPort = freePort();
    private final Map<Service, Integer> postgresPorts = new EnumMap<>(Service.class);
    private final int keycloakPort = freePort();
    private final Map<Service, Integer> servicePorts = new EnumMap<>(Service.class);
    private final int webPort = freePort();
    private final Map<String, StackProcess> processes = new LinkedHashMap<>();
    private final Duration startup;

    /** The stack of this JVM, started on first use. */
    public static synchronized SystemStack get() {
        if (instance == null) {
            instance = new SystemStack();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stopAll, "system-stack-stop"));
        }
        return instance;
    }

    private SystemStack() {
        long started = System.nanoTime();
        root = Path.of(property("stack.root")).toAbsolutePath().normalize();
        dir = Path.of(property("stack.dir")).toAbsolutePath();
        javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        TempFiles.deleteRecursively(dir);
        for (Service s : Service.values()) {
            servicePorts.put(s, freePort());
            postgresPorts.put(s, freePort());
        }
        try {
            startInfrastructure();
            startServices();
        } catch (RuntimeException e) {
            stopAll();
            throw e;
        }
        startup = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("System stack ready in %d s: services %s, Keycloak %s, Kafka %s, PostgreSQL %s; logs in %s%n",
                startup.toSeconds(), servicePorts, keycloakUrl(), kafkaBootstrap(), postgresPorts, dir.resolve("logs"));
    }

    /**
     * The broker, then one PostgreSQL server per service (so that a fault test can take one service's database away),
     * each a {@code LocalInfrastructure} process as bin/run starts it; Keycloak alongside.
     */
    private void startInfrastructure() {
        String classpath = Path.of("target", "test-classes").toAbsolutePath() + File.pathSeparator
                + read(Path.of(property("stack.classpath")));
        define(infrastructure("kafka", classpath, Map.of("TUMORBOARD_COMPONENTS", "kafka",
                "TUMORBOARD_DATA", dir.resolve("data").toString(),
                "KAFKA_PORT", String.valueOf(kafkaPort), "KAFKA_CONTROLLER_PORT", String.valueOf(freePort())))).start();
        for (Service s : Service.values()) {
            define(infrastructure("postgres-" + s.id(), classpath, Map.of("TUMORBOARD_COMPONENTS", "postgres",
                    "TUMORBOARD_DATABASES", s.id(), "TUMORBOARD_DATA", dir.resolve("data").resolve(s.id()).toString(),
                    "POSTGRES_PORT", String.valueOf(postgresPorts.get(s))))).start();
        }
        // A fresh realm import on every run (Keycloak skips a realm its database already holds).
        try (var homes = Files.list(mkdirs(Path.of(property("keycloak.dir"))))) {
            homes.forEach(home -> TempFiles.deleteRecursively(home.resolve("data").resolve("h2")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        define(new StackProcess("keycloak", List.of("bin/keycloak"),
                Map.of("KEYCLOAK_PORT", String.valueOf(keycloakPort), "KEYCLOAK_DIR", property("keycloak.dir"),
                        "JAVA_HOME", System.getProperty("java.home")),
                root, dir.resolve("logs").resolve("keycloak.log"),
                p -> httpOk(keycloakUrl() + "/realms/tumorboard/.well-known/openid-configuration"))).start();
        List<String> names = new ArrayList<>(List.of("kafka", "keycloak"));
        List.of(Service.values()).forEach(s -> names.add("postgres-" + s.id()));
        awaitAll(names);
    }

    private StackProcess infrastructure(String name, String classpath, Map<String, String> env) {
        Path log = dir.resolve("logs").resolve(name + ".log");
        Path tmp = mkdirs(dir.resolve("tmp-" + name));
        // READY is printed once per start and a restart appends to the same log: ready when every start printed it.
        return new StackProcess(name, List.of(javaCommand, "-Xmx384m", "-XX:-UsePerfData", "-Djava.io.tmpdir=" + tmp,
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp", classpath,
                "org.tumorboard.testsupport.LocalInfrastructure"), env, root, log,
                p -> read(log).lines().filter(line -> line.startsWith("READY")).count() >= p.starts());
    }

    private void startServices() {
        for (Service s : Service.values()) {
            String upper = s.name();
            Map<String, String> env = new LinkedHashMap<>();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(servicePorts.get(s)));
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
            env.put(upper + "_DB_URL", jdbcUrl(s));
            env.put(upper + "_DB_USER", s.id());
            env.put(upper + "_DB_PASSWORD", s.id());
            env.put("OIDC_AUTH_SERVER_URL", keycloakUrl() + "/realms/tumorboard");
            if (s == Service.FHIR) {
                env.put("INTAKE_URL", url(Service.INTAKE)); // the patient's identity, per request (issue 23)
            }
            Path jar = root.resolve(s.id() + "-service/target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: the services are packaged before this module ("
                        + "run the reactor, e.g. bin/test, or ./mvnw install -DskipTests first)");
            }
            define(new StackProcess(s.id() + "-service", List.of(javaCommand, "-Xmx384m", "-XX:-UsePerfData",
                    "-Djava.io.tmpdir=" + mkdirs(dir.resolve("tmp-" + s.id())), "-jar", jar.toString()), env, root,
                    dir.resolve("logs").resolve(s.id() + "-service.log"),
                    p -> httpOk(url(s) + "/q/health/ready"))).start();
        }
        awaitAll(List.of(Service.values()).stream().map(s -> s.id() + "-service").toList());
        startWebApp();
    }

    /**
     * The web app (#12) on its own free port, calling intake; Keycloak's demo realm lets tumorboard-web return only to
     * port 8080, so this run's address is added to the client's redirect URIs through Keycloak's admin API.
     */
    private void startWebApp() {
        allowWebRedirect(webUrl());
        Path jar = root.resolve("web-app/target/quarkus-app/quarkus-run.jar");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(webPort));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("OIDC_AUTH_SERVER_URL", keycloakUrl() + "/realms/tumorboard");
        env.put("INTAKE_URL", url(Service.INTAKE));
        env.put("PATHOLOGY_URL", url(Service.PATHOLOGY));
        env.put("STAGING_URL", url(Service.STAGING));
        env.put("BOARD_URL", url(Service.BOARD));
        define(new StackProcess("web-app", List.of(javaCommand, "-Xmx256m", "-XX:-UsePerfData",
                "-Djava.io.tmpdir=" + mkdirs(dir.resolve("tmp-web")), "-jar", jar.toString()), env, root,
                dir.resolve("logs").resolve("web-app.log"), p -> httpOk(webUrl() + "/q/health/ready"))).start();
        awaitAll(List.of("web-app"));
    }

    private void allowWebRedirect(String base) {
        String admin = KeycloakAdmin.token(keycloakUrl());
        String clients = keycloakUrl() + "/admin/realms/tumorboard/clients";
        Map<String, Object> client = io.restassured.RestAssured.given().auth().oauth2(admin).queryParam("clientId", "tumorboard-web")
                .get(clients).then().statusCode(200).extract().jsonPath().getMap("[0]");
        @SuppressWarnings("unchecked")
        List<String> redirects = new ArrayList<>((List<String>) client.get("redirectUris"));
        redirects.add(base + "/*");
        client.put("redirectUris", redirects);
        io.restassured.RestAssured.given().auth().oauth2(admin).contentType("application/json").body(client)
                .put(clients + "/" + client.get("id")).then().statusCode(204);
    }

    public String webUrl() {
        return "http://127.0.0.1:" + webPort;
    }

    private StackProcess define(StackProcess process) {
        processes.put(process.name(), process);
        return process;
    }

    private void awaitAll(List<String> names) {
        List<CompletableFuture<StackProcess>> waits = new ArrayList<>();
        for (String name : names) {
            waits.add(CompletableFuture.supplyAsync(() -> processes.get(name).awaitReady(START_TIMEOUT)));
        }
        CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
    }

    /** Every process, services first, then Keycloak, the broker and the database. */
    private synchronized void stopAll() {
        List<StackProcess> reversed = new ArrayList<>(processes.values());
        Collections.reverse(reversed);
        for (StackProcess p : reversed) {
            p.stop(Duration.ofSeconds(20));
        }
    }

    public String url(Service service) {
        return "http://127.0.0.1:" + servicePorts.get(service);
    }

    /** The service's own database (user and password are the service's id). */
    public String jdbcUrl(Service service) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPorts.get(service) + "/" + service.id();
    }

    public String keycloakUrl() {
        return "http://127.0.0.1:" + keycloakPort;
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public StackProcess process(String name) {
        StackProcess p = processes.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no process " + name + "; known: " + processes.keySet());
        }
        return p;
    }

    public Duration startup() {
        return startup;
    }

    static boolean httpOk(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (the module's pom sets it for surefire)");
        }
        return value;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file).strip() : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path mkdirs(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
