package org.tumorboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.tumorboard.events.Topics;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real Kafka broker (KRaft, combined broker and controller) running inside the test JVM, from Maven Central jars.
 * Started once per JVM and shared by every test class; its logs live under {@code java.io.tmpdir} (target/tmp).
 * <p>
 * It authenticates and authorizes as production does (issue 22, item 1): clients log in with SASL SCRAM-SHA-512 on the
 * broker listener, the StandardAuthorizer denies what no ACL allows, and each service's principal may write only its
 * own topic and its dead-letter topic, read only the topics it consumes, in its own consumer group
 * ({@link Topics#ownedBy}, {@link Topics#consumedBy}). The tests' own clients (which stand in for every producer) use
 * the {@link #ADMIN} super user. The controller listener stays plaintext on the loopback address: KRaft cannot check
 * SCRAM there, and only the broker itself talks to it.
 */
public final class EmbeddedKafka {

    /** The super user: the broker itself, the tests' writers and readers, and the local stack's set-up. */
    public static final String ADMIN = "admin";
    public static final String MECHANISM = "SCRAM-SHA-512";

    private static EmbeddedKafka instance;

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path logDir;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, Path logDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDir = logDir;
    }

    /** The broker of this JVM, started on first use. */
    public static synchronized EmbeddedKafka get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "embedded-kafka-stop"));
        }
        return instance;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The password of a principal of this broker. Fixed per user: the local stack and the tests only (the services'
     * application.properties default to the same; production takes them from the KafkaUser secrets).
     */
    public static String password(String user) {
        return "local-" + user + "-secret";
    }

    /** What a client needs to reach this broker as {@code user}: the address and the SASL login. */
    public Map<String, Object> clientConfig(String user) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.putAll(login(user));
        return config;
    }

    /** The SASL login of {@code user} on this broker, for a client that knows the address already. */
    public static Map<String, Object> login(String user) {
        return Map.of(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG, jaas(user, password(user)));
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    /** Held so the levels stay set: the broker's INFO output (its whole configuration, every topic change) drowns the test log. */
    private static final java.util.List<java.util.logging.Logger> QUIET_LOGGERS = java.util.stream.Stream
            .of("kafka", "org.apache.kafka", "state.change.logger")
            .map(java.util.logging.Logger::getLogger).toList();

    private static EmbeddedKafka start() {
        try {
            return start(Files.createTempDirectory("kafka-"), freePort(), freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A broker on fixed ports with its log in {@code logDir}, formatted only the first time, so its topics survive a
     * restart (the local stack uses this; tests use {@link #get()}).
     */
    public static EmbeddedKafka start(Path logDir, int brokerPort, int controllerPort) {
        QUIET_LOGGERS.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
        try {
            long started = System.nanoTime();
            Files.createDirectories(logDir);
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            props.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + brokerPort);
            props.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("controller.listener.names", "CONTROLLER");
            props.put("inter.broker.listener.name", "SASL_PLAINTEXT");
            props.put("sasl.enabled.mechanisms", MECHANISM);
            props.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
            props.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config", jaas(ADMIN, password(ADMIN)));
            props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            props.put("allow.everyone.if.no.acl.found", "false");
            // the broker's own requests to its controller arrive on the plaintext controller listener, as ANONYMOUS
            props.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
            props.put("log.dirs", logDir.toString());
            // Several partitions, as in production, so that per-key ordering is what the tests rely on.
            props.put("num.partitions", "3");
            props.put("auto.create.topics.enable", "true");
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "3");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.put("log.flush.interval.messages", "1");

            KafkaConfig config = KafkaConfig.fromProps(props, false);
            Path scramMarker = logDir.resolve("tumorboard-scram-users");
            if (Files.exists(logDir.resolve("meta.properties")) && !Files.exists(scramMarker)) {
                // formatted before the broker authenticated: its metadata has no users, so it starts again empty
                System.out.println("Embedded Kafka: " + logDir + " predates SASL; formatting it again (its topics are dropped)");
                TempFiles.deleteRecursively(logDir);
                Files.createDirectories(logDir);
            }
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                List<String> users = new ArrayList<>();
                users.add(ADMIN);
                users.addAll(Topics.CONSUMERS);
                new Formatter()
                    .setScramArguments(users.stream()
                            .map(user -> MECHANISM + "=[name=" + user + ",password=" + password(user) + "]").toList())
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .setPrintStream(System.out)
                    .run();
                Files.writeString(scramMarker, String.join("\n", users) + "\n");
            }

            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + brokerPort;
            awaitReady(bootstrap);
            addMissingUsers(bootstrap, scramMarker);
            grantServices(bootstrap);
            System.out.printf("Embedded Kafka (KRaft) ready at %s in %d ms%n", bootstrap,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return new EmbeddedKafka(server, bootstrap, logDir);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded Kafka broker", e);
        }
    }

    /**
     * The topics, and each service's ACLs: write its own topic and its dead-letter topic, read the topics it consumes
     * in its own group (issue 22, item 1). Idempotent: a restarted local broker gets the same.
     */
    private static void grantServices(String bootstrap) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(adminConfig(bootstrap))) {
            java.util.Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            List<String> topics = new ArrayList<>(Topics.ALL);
            Topics.CONSUMERS.forEach(service -> topics.add(Topics.deadLetter(service)));
            for (String topic : topics) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, 3, (short) 1));
                }
            }
            admin.createTopics(missing).all().get();
            List<AclBinding> acls = new ArrayList<>();
            for (String service : Topics.CONSUMERS) {
                String principal = "User:" + service;
                List<String> written = Topics.READERS.contains(service) ? List.of(Topics.deadLetter(service))
                        : List.of(Topics.ownedBy(service), Topics.deadLetter(service));
                for (String topic : written) {
                    acls.add(allow(principal, ResourceType.TOPIC, topic, AclOperation.WRITE));
                    acls.add(allow(principal, ResourceType.TOPIC, topic, AclOperation.DESCRIBE));
                }
                for (String topic : Topics.consumedBy(service)) {
                    acls.add(allow(principal, ResourceType.TOPIC, topic, AclOperation.READ));
                    acls.add(allow(principal, ResourceType.TOPIC, topic, AclOperation.DESCRIBE));
                }
                acls.add(allow(principal, ResourceType.GROUP, service, AclOperation.READ));
                acls.add(allow(principal, ResourceType.GROUP, service, AclOperation.DESCRIBE));
            }
            admin.createAcls(acls).all().get();
        }
    }

    /**
     * A broker formatted before a consumer joined the network (the FHIR facade, issue 23) has no SCRAM user for it:
     * the missing ones are added through the admin API, and the marker lists them from then on.
     */
    private static void addMissingUsers(String bootstrap, Path scramMarker) throws Exception {
        List<String> known = Files.readAllLines(scramMarker).stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<String> missing = Topics.CONSUMERS.stream().filter(user -> !known.contains(user)).toList();
        if (missing.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(adminConfig(bootstrap))) {
            admin.alterUserScramCredentials(missing.stream()
                    .<org.apache.kafka.clients.admin.UserScramCredentialAlteration>map(user ->
                            new org.apache.kafka.clients.admin.UserScramCredentialUpsertion(user,
                                    new org.apache.kafka.clients.admin.ScramCredentialInfo(
                                            org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512, 4096),
                                    password(user)))
                    .toList()).all().get();
        }
        List<String> all = new ArrayList<>(known);
        all.addAll(missing);
        Files.writeString(scramMarker, String.join("\n", all) + "\n");
    }

    private static AclBinding allow(String principal, ResourceType type, String name, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    private static Map<String, Object> adminConfig(String bootstrap) {
        Map<String, Object> config = new HashMap<>(login(ADMIN));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return config;
    }

    private static void awaitReady(String bootstrap) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(adminConfig(bootstrap))) {
            long deadline = System.currentTimeMillis() + 60_000;
            while (true) {
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    return;
                } catch (java.util.concurrent.TimeoutException | ExecutionException e) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("embedded Kafka did not become ready within 60 s", e);
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    private synchronized void stop() {
        server.shutdown();
        server.awaitShutdown();
        TempFiles.deleteRecursively(logDir);
    }

    /** Stops the broker and keeps its log (the local stack's data survives a restart). */
    public synchronized void stopKeepingData() {
        server.shutdown();
        server.awaitShutdown();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
