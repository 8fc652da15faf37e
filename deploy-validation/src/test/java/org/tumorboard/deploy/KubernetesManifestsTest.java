package org.tumorboard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tumorboard.deploy.Manifests.SERVICES;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tumorboard.events.Topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * What a reviewer checks in deploy/k8s, for each overlay as kustomize renders it: every service's Deployment, probes,
 * limits, PodDisruptionBudget and HorizontalPodAutoscaler; every referenced Secret, ConfigMap and Service exists; topics
 * match the event contract; ports and environment names match each service's configuration; network policies let a
 * service reach only Kafka, the database and Keycloak; the database and Keycloak are set up as the services expect.
 */
class KubernetesManifestsTest {

    /**
     * Environment a Deployment may set beyond what the service reads: read by the platform (Quarkus: the port and each
     * replica's connection pool; the JVM) and by the Kafka client straight from KAFKA_* variables.
     */
    private static final Set<String> PLATFORM_ENV = Set.of("QUARKUS_HTTP_PORT", "QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "JAVA_OPTS_APPEND",
            "KAFKA_SSL_TRUSTSTORE_TYPE", "KAFKA_SSL_TRUSTSTORE_LOCATION", "QUARKUS_OIDC_TLS_TLS_CONFIGURATION_NAME",
            "QUARKUS_TLS__KEYCLOAK__TRUST_STORE_PEM_CERTS", "TUMORBOARD_NETWORK_SITE_LIST");

    private static Manifests.Rendered rendered(String overlay) {
        return Manifests.rendered(overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void everyServiceRunsReplicatedWithProbesLimitsDisruptionBudgetAndAutoscaler(String overlay) {
        Manifests.Rendered r = rendered(overlay);
        for (String s : SERVICES) {
            Deployment d = r.deployment(s);
            assertTrue(d.getSpec().getReplicas() >= 2, overlay + " " + s + ": at least 2 replicas");
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(podLabels.entrySet().containsAll(d.getSpec().getSelector().getMatchLabels().entrySet()));
            Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals(8080, c.getPorts().get(0).getContainerPort());
            assertEquals("8080", env(c, "QUARKUS_HTTP_PORT").getValue(), "the port the container exposes is the one Quarkus listens on");
            assertProbe(c.getReadinessProbe(), "/q/health/ready", c);
            assertProbe(c.getLivenessProbe(), "/q/health/live", c);
            assertNotNull(c.getResources().getRequests().get("cpu"), s + " cpu request");
            assertNotNull(c.getResources().getRequests().get("memory"), s + " memory request");
            assertNotNull(c.getResources().getLimits().get("memory"), s + " memory limit");

            PodDisruptionBudget pdb = r.named(PodDisruptionBudget.class, s + "-service").orElseThrow();
            assertTrue(podLabels.entrySet().containsAll(pdb.getSpec().getSelector().getMatchLabels().entrySet()), s + " PDB selects its pods");
            assertTrue(pdb.getSpec().getMinAvailable().getIntVal() >= 1);

            HorizontalPodAutoscaler hpa = r.named(HorizontalPodAutoscaler.class, s + "-service").orElseThrow();
            assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
            assertEquals(d.getMetadata().getName(), hpa.getSpec().getScaleTargetRef().getName());
            assertTrue(hpa.getSpec().getMinReplicas() >= 2 && hpa.getSpec().getMinReplicas() <= d.getSpec().getReplicas());
            int partitions = r.all(KafkaTopic.class).stream().mapToInt(t -> t.getSpec().getPartitions()).min().orElseThrow();
            assertTrue(hpa.getSpec().getMaxReplicas() <= partitions,
                    s + ": more consumers than partitions would sit idle (" + hpa.getSpec().getMaxReplicas() + " > " + partitions + ")");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void everyReferencedSecretConfigMapAndServiceExists(String overlay) {
        Manifests.Rendered r = rendered(overlay);
        Set<String> secrets = r.all(Secret.class).stream().map(x -> x.getMetadata().getName()).collect(Collectors.toCollection(HashSet::new));
        r.all(Manifests.Certificate.class).forEach(cert -> secrets.add(cert.spec().secretName()));
        List<String> missing = new ArrayList<>();
        for (String s : SERVICES) {
            for (EnvVar e : container(r, s).getEnv()) {
                if (e.getValueFrom() == null) {
                    continue;
                }
                var cm = e.getValueFrom().getConfigMapKeyRef();
                if (cm != null && (r.configMap(cm.getName()) == null || !r.configMap(cm.getName()).getData().containsKey(cm.getKey()))) {
                    missing.add(s + ": ConfigMap " + cm.getName() + " key " + cm.getKey());
                }
                var sk = e.getValueFrom().getSecretKeyRef();
                // a KafkaUser's Secret is written by Strimzi's User Operator, with the user's password (issue 22, item 1)
                boolean userOperatorSecret = sk != null && List.of("password", "sasl.jaas.config").contains(sk.getKey())
                        && r.named(io.strimzi.api.kafka.model.user.KafkaUser.class, sk.getName()).isPresent();
                if (sk != null && !userOperatorSecret && !hasKey(r.secret(sk.getName()), sk.getKey())) {
                    missing.add(s + ": Secret " + sk.getName() + " key " + sk.getKey());
                }
            }
        }
        for (Manifests.CnpgRole role : r.cnpgCluster().spec().managed().roles()) {
            if (!hasKey(r.secret(role.passwordSecret().name()), "password")) {
                missing.add("database role " + role.name() + ": Secret " + role.passwordSecret().name());
            }
        }
        Manifests.KeycloakSpec kc = r.keycloak().spec();
        for (Manifests.SecretRef ref : List.of(kc.db().usernameSecret(), kc.db().passwordSecret())) {
            if (!hasKey(r.secret(ref.name()), ref.key())) {
                missing.add("Keycloak database: Secret " + ref.name() + " key " + ref.key());
            }
        }
        if (kc.http().tlsSecret() != null && !secrets.contains(kc.http().tlsSecret())) {
            missing.add("Keycloak TLS: Secret " + kc.http().tlsSecret());
        }
        // Hosts in the configuration are Services: ours, or those the operators create from their resources' names.
        Set<String> services = new TreeSet<>();
        r.all(io.fabric8.kubernetes.api.model.Service.class).forEach(x -> services.add(x.getMetadata().getName()));
        services.add(r.kafka().getMetadata().getName() + "-kafka-bootstrap");
        services.add(r.cnpgCluster().metadata().name() + "-rw");
        services.add(r.keycloak().metadata().name() + "-service");
        // or a host the overlay's Ingresses serve: the services reach Keycloak at its public address (issue 24)
        r.all(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class)
                .forEach(ingress -> ingress.getSpec().getRules().forEach(rule -> services.add(rule.getHost())));
        for (String s : SERVICES) {
            if (r.service(s + "-service") == null) {
                missing.add("Service " + s + "-service");
            }
            // a Service's cluster name (<name>.<namespace>.svc) counts when it is in the overlay's namespace
            String namespace = r.deployment(s).getMetadata().getNamespace();
            for (String value : resolvedEnv(r, s).values()) {
                hostOf(value).map(h -> h.replaceFirst("\\." + java.util.regex.Pattern.quote(String.valueOf(namespace)) + "\\.svc(\\.cluster\\.local)?$", ""))
                        .filter(h -> !services.contains(h)).ifPresent(h -> missing.add(s + ": no Service " + h + " (" + value + ")"));
            }
        }
        assertEquals(List.of(), missing, overlay);
        assertEquals(r.keycloak().metadata().name(), r.realmImport().spec().keycloakCRName());
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void topicsMatchTheEventContract(String overlay) {
        Manifests.Rendered r = rendered(overlay);
        Set<String> expected = new TreeSet<>(List.of(Topics.INTAKE, Topics.PATHOLOGY, Topics.STAGING, Topics.BOARD));
        // one dead-letter topic per consumer, the read model's (fhir-service) among them
        Topics.CONSUMERS.forEach(c -> expected.add(Topics.deadLetter(c)));
        Set<String> declared = new TreeSet<>();
        for (KafkaTopic t : r.all(KafkaTopic.class)) {
            declared.add(t.getSpec().getTopicName());
            assertTrue(t.getSpec().getPartitions() >= 6, t.getSpec().getTopicName() + " partitions");
            assertEquals(3, t.getSpec().getReplicas(), t.getSpec().getTopicName() + " replication");
            assertEquals("2", String.valueOf(t.getSpec().getConfig().get("min.insync.replicas")), t.getSpec().getTopicName());
            assertEquals(r.kafka().getMetadata().getName(), t.getMetadata().getLabels().get("strimzi.io/cluster"));
        }
        assertEquals(expected, declared);
        assertEquals("enabled", r.kafka().getMetadata().getAnnotations().get("strimzi.io/kraft"));
        assertEquals("enabled", r.kafka().getMetadata().getAnnotations().get("strimzi.io/node-pools"));
        int brokers = 0;
        for (KafkaNodePool pool : r.all(KafkaNodePool.class)) {
            assertEquals(r.kafka().getMetadata().getName(), pool.getMetadata().getLabels().get("strimzi.io/cluster"));
            if (pool.getSpec().getRoles().contains(ProcessRoles.BROKER)) {
                brokers += pool.getSpec().getReplicas();
            }
            assertTrue(pool.getSpec().getRoles().contains(ProcessRoles.CONTROLLER), "KRaft controllers in " + pool.getMetadata().getName());
        }
        assertTrue(brokers >= 3, "replication 3 needs 3 brokers");
        // The topics' settings hold for the topics the brokers create themselves too.
        assertEquals(false, r.kafka().getSpec().getKafka().getConfig().get("auto.create.topics.enable"));
    }

    /**
     * Issue 22, item 1: the broker's one listener is TLS with SCRAM-SHA-512 and the simple authorizer; each service is a
     * KafkaUser whose ACLs are exactly its own topic (a read model has none) and dead-letter topic (write), the topics it
     * consumes (read) and its own group; its Deployment logs in as that user with the password from the user's Secret,
     * over TLS trusting the cluster CA.
     */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void theBrokerAuthenticatesAndEachServiceMayUseOnlyItsTopicsAndGroup(String overlay) {
        Manifests.Rendered r = rendered(overlay);
        var listeners = r.kafka().getSpec().getKafka().getListeners();
        assertEquals(1, listeners.size(), "one listener");
        var listener = listeners.get(0);
        assertTrue(listener.isTls(), "TLS");
        assertEquals(9093, listener.getPort());
        assertTrue(listener.getAuth() instanceof io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512,
                "SCRAM-SHA-512: " + listener.getAuth());
        assertTrue(r.kafka().getSpec().getKafka().getAuthorization() instanceof io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple);
        assertTrue(r.kafka().getSpec().getEntityOperator().getUserOperator() != null, "the User Operator keeps the users' secrets");
        for (String s : SERVICES) {
            String service = s + "-service";
            var user = r.named(io.strimzi.api.kafka.model.user.KafkaUser.class, service)
                    .orElseThrow(() -> new AssertionError("KafkaUser " + service));
            assertEquals(r.kafka().getMetadata().getName(), user.getMetadata().getLabels().get("strimzi.io/cluster"));
            assertTrue(user.getSpec().getAuthentication() instanceof io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication);
            Set<String> granted = new TreeSet<>();
            for (var rule : ((io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
                String resource = switch (rule.getResource()) {
                    case io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource t -> {
                        assertEquals(io.strimzi.api.kafka.model.user.acl.AclResourcePatternType.LITERAL, t.getPatternType());
                        yield "topic " + t.getName();
                    }
                    case io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource g -> {
                        assertEquals(io.strimzi.api.kafka.model.user.acl.AclResourcePatternType.LITERAL, g.getPatternType());
                        yield "group " + g.getName();
                    }
                    default -> throw new AssertionError(service + ": an ACL on " + rule.getResource());
                };
                assertTrue(rule.getType() == null || rule.getType() == io.strimzi.api.kafka.model.user.acl.AclRuleType.ALLOW);
                rule.getOperations().forEach(op -> granted.add(resource + " " + op.name()));
            }
            Set<String> expected = new TreeSet<>();
            List<String> written = new ArrayList<>();
            if (Topics.SERVICES.contains(service)) {
                written.add(Topics.ownedBy(service)); // a read model (Topics.READERS) publishes on no topic
            }
            written.add(Topics.deadLetter(service));
            for (String topic : written) {
                expected.addAll(List.of("topic " + topic + " WRITE", "topic " + topic + " DESCRIBE"));
            }
            for (String topic : Topics.consumedBy(service)) {
                expected.addAll(List.of("topic " + topic + " READ", "topic " + topic + " DESCRIBE"));
            }
            expected.addAll(List.of("group " + service + " READ", "group " + service + " DESCRIBE"));
            assertEquals(expected, granted, overlay + " " + service + "'s ACLs");

            Map<String, String> env = resolvedEnv(r, s);
            assertEquals(service, env.get("TUMORBOARD_KAFKA_USER"));
            assertEquals("secret:" + service, env.get("TUMORBOARD_KAFKA_PASSWORD"), "the password from the KafkaUser's Secret");
            assertEquals("SASL_SSL", env.get("KAFKA_SECURITY_PROTOCOL"));
            assertTrue(env.get("KAFKA_BOOTSTRAP_SERVERS").endsWith(":9093"), env.get("KAFKA_BOOTSTRAP_SERVERS"));
            Deployment d = r.deployment(s);
            var ca = d.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getSecret() != null && (r.kafka().getMetadata().getName() + "-cluster-ca-cert").equals(v.getSecret().getSecretName()))
                    .findFirst().orElseThrow(() -> new AssertionError(service + " mounts the cluster CA"));
            String mountedAt = d.getSpec().getTemplate().getSpec().getContainers().get(0).getVolumeMounts().stream()
                    .filter(m -> m.getName().equals(ca.getName())).findFirst().orElseThrow().getMountPath();
            assertEquals(mountedAt + "/ca.crt", env.get("KAFKA_SSL_TRUSTSTORE_LOCATION"));
        }
    }

    /**
     * Issue 23: a read model (fhir-service) publishes nothing, so its KafkaUser may write none of the contract's topics: no
     * allow rule with Write, IdempotentWrite or All on a topic resource that names one of them (literally, by a prefix of
     * it, or *). Its only Write is its dead-letter topic; no user may write another's dead-letter topic either.
     */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void theReadModelsKafkaUserMayWriteNoneOfTheTopics(String overlay) {
        Manifests.Rendered r = rendered(overlay);
        assertFalse(Topics.READERS.isEmpty());
        for (String reader : Topics.READERS) {
            assertFalse(Topics.SERVICES.contains(reader), reader + " is no publishing service");
            var user = r.named(io.strimzi.api.kafka.model.user.KafkaUser.class, reader)
                    .orElseThrow(() -> new AssertionError(overlay + ": KafkaUser " + reader));
            List<String> writable = new ArrayList<>();
            for (var rule : ((io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
                if (rule.getType() == io.strimzi.api.kafka.model.user.acl.AclRuleType.DENY
                        || !(rule.getResource() instanceof io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource t)) {
                    continue;
                }
                List<io.strimzi.api.kafka.model.user.acl.AclOperation> ops = new ArrayList<>();
                if (rule.getOperations() != null) {
                    ops.addAll(rule.getOperations());
                }
                if (rule.getOperation() != null) {
                    ops.add(rule.getOperation());
                }
                boolean writes = ops.stream().anyMatch(op -> op == io.strimzi.api.kafka.model.user.acl.AclOperation.WRITE
                        || op == io.strimzi.api.kafka.model.user.acl.AclOperation.IDEMPOTENTWRITE
                        || op == io.strimzi.api.kafka.model.user.acl.AclOperation.ALL);
                List<String> topics = new ArrayList<>(Topics.ALL);
                Topics.CONSUMERS.stream().filter(c -> !c.equals(reader)).forEach(c -> topics.add(Topics.deadLetter(c)));
                for (String topic : topics) {
                    boolean names = "*".equals(t.getName()) || topic.equals(t.getName())
                            || (t.getPatternType() == io.strimzi.api.kafka.model.user.acl.AclResourcePatternType.PREFIX
                                    && topic.startsWith(t.getName()));
                    if (writes && names) {
                        writable.add(topic + " (" + t.getName() + " " + ops + ")");
                    }
                }
            }
            assertEquals(List.of(), writable, overlay + ": " + reader + " may write");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void environmentNamesAreExactlyWhatEachServiceReads(String overlay) {
        Manifests.Rendered r = rendered(overlay);
        for (String s : SERVICES) {
            Set<String> reads = environmentReadBy(s);
            Set<String> set = new TreeSet<>(resolvedEnv(r, s).keySet());
            // the schema owner's credentials are the migration's, in the pod's init container only (issue 24, item 5)
            r.deployment(s).getSpec().getTemplate().getSpec().getInitContainers().forEach(c -> c.getEnv().forEach(e -> set.add(e.getName())));
            set.removeAll(PLATFORM_ENV);
            set.removeAll(Set.of("QUARKUS_INIT_AND_EXIT", "QUARKUS_FLYWAY_MIGRATE_AT_START"));
            assertEquals(reads, set, overlay + " " + s + ": the Deployment's environment and application.properties' ${...}");
            assertTrue(resolvedEnv(r, s).get(s.toUpperCase() + "_DB_URL").endsWith("/" + s + "?sslmode=require")
                    || resolvedEnv(r, s).get(s.toUpperCase() + "_DB_URL").endsWith("/" + s), s + " uses its own database");
        }
    }

    /**
     * Each service's NetworkPolicy lets it out to Kafka, the database, Keycloak (through the ingress controller) and DNS,
     * and to the HTTP port of the services it calls (Manifests.CALLS: fhir-service to intake-service, at the Service its
     * INTAKE_URL names), nothing else.
     */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void eachServiceReachesOnlyKafkaTheDatabaseKeycloakAndTheServicesItCalls(String overlay) {
        Manifests.Rendered r = rendered(overlay);
        Map<String, String> kafkaPods = Map.of("strimzi.io/cluster", r.kafka().getMetadata().getName(), "strimzi.io/kind", "Kafka");
        Map<String, String> dbPods = Map.of("cnpg.io/cluster", r.cnpgCluster().metadata().name());
        for (String s : SERVICES) {
            List<String> calls = Manifests.CALLS.getOrDefault(s, List.of());
            for (String callee : calls) {
                URI url = URI.create(resolvedEnv(r, s).get(callee.toUpperCase() + "_URL"));
                assertEquals(callee + "-service", url.getHost(), overlay + " " + s + " calls " + callee + " at its Service");
                assertEquals(8080, url.getPort(), overlay + " " + s + " calls " + callee + " on its HTTP port");
            }
            NetworkPolicy np = r.named(NetworkPolicy.class, s + "-service").orElseThrow(() -> new AssertionError("NetworkPolicy " + s));
            assertEquals(r.deployment(s).getSpec().getSelector().getMatchLabels(), np.getSpec().getPodSelector().getMatchLabels());
            assertTrue(np.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")));
            Set<String> reached = new TreeSet<>();
            for (NetworkPolicyEgressRule rule : np.getSpec().getEgress()) {
                assertFalse(rule.getTo() == null || rule.getTo().isEmpty(), s + ": an egress rule without 'to' allows everything");
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    assertTrue(peer.getIpBlock() == null, s + ": no IP blocks");
                    Map<String, String> pods = peer.getPodSelector() == null ? Map.of() : peer.getPodSelector().getMatchLabels();
                    for (var allowed : rule.getPorts()) {
                        int port = allowed.getPort().getIntVal();
                        if (pods.equals(kafkaPods) && port == 9093) {
                            reached.add("kafka");
                        } else if (pods.equals(dbPods) && port == 5432) {
                            reached.add("database");
                        } else if (peer.getNamespaceSelector() != null && "ingress-nginx".equals(peer.getNamespaceSelector()
                                .getMatchLabels().get("kubernetes.io/metadata.name")) && port == 443) {
                            // Keycloak at its public address, through the ingress controller; not its pods (issue 24)
                            reached.add("keycloak");
                        } else if ("kube-dns".equals(pods.get("k8s-app")) && port == 53) {
                            reached.add("dns");
                        } else if (peer.getNamespaceSelector() == null && port == 8080 && pods.size() == 1
                                && calls.stream().anyMatch(c -> (c + "-service").equals(pods.get("app.kubernetes.io/name")))) {
                            reached.add(pods.get("app.kubernetes.io/name"));
                        } else {
                            throw new AssertionError(s + ": egress to something else: " + peer + " port " + port);
                        }
                    }
                }
            }
            Set<String> expected = new TreeSet<>(List.of("database", "dns", "kafka", "keycloak"));
            calls.forEach(c -> expected.add(c + "-service"));
            assertEquals(expected, reached, s);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void theDatabaseClusterHasReplicasAndOneDatabaseAndRolePerService(String overlay) {
        Manifests.Rendered r = rendered(overlay);
        Manifests.CnpgCluster cluster = r.cnpgCluster();
        assertTrue(cluster.spec().instances() >= 2, "a primary and at least one replica");
        Set<String> roles = cluster.spec().managed().roles().stream().filter(Manifests.CnpgRole::login)
                .map(Manifests.CnpgRole::name).collect(Collectors.toSet());
        List<String> owners = new ArrayList<>(SERVICES);
        owners.add("keycloak");
        for (String owner : owners) {
            assertTrue(roles.contains(owner), "role " + owner);
            List<Manifests.CnpgDatabase> dbs = r.all(Manifests.CnpgDatabase.class).stream()
                    .filter(d -> owner.equals(d.spec().name())).toList();
            assertEquals(1, dbs.size(), "database " + owner);
            // a service's database belongs to its owner role, which only the migrations use (issue 24, item 5)
            assertEquals(owner.equals("keycloak") ? owner : owner + "_owner", dbs.get(0).spec().owner());
            assertEquals(cluster.metadata().name(), dbs.get(0).spec().cluster().name());
            assertTrue(cluster.spec().postgresql().pg_hba().contains("hostssl " + owner + " " + owner + " all scram-sha-256"),
                    owner + " may open only its own database");
        }
        assertEquals(cluster.metadata().name() + "-rw", r.keycloak().spec().db().host());
        assertEquals("keycloak", r.keycloak().spec().db().database());
        assertTrue(r.keycloak().spec().instances() >= 2);
    }

    /**
     * Our pods (issue 24), every container including the migrations' init containers: not root, no privilege escalation,
     * no capabilities, the RuntimeDefault seccomp profile, and a read-only root filesystem with only /tmp writable (an
     * emptyDir).
     */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void everyPodRunsAsNonRootReadOnlyWithoutCapabilitiesUnderRuntimeDefaultSeccomp(String overlay) {
        Manifests.Rendered r = rendered(overlay);
        List<Deployment> ours = new ArrayList<>();
        SERVICES.forEach(s -> ours.add(r.deployment(s)));
        ours.add(r.named(Deployment.class, "web-app").orElseThrow());
        for (Deployment d : ours) {
            String name = overlay + " " + d.getMetadata().getName();
            var pod = d.getSpec().getTemplate().getSpec();
            assertNotNull(pod.getSecurityContext(), name);
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), name + ": runAsNonRoot");
            assertNotNull(pod.getSecurityContext().getSeccompProfile(), name + ": seccomp profile");
            assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType(), name);
            Set<String> emptyDirs = pod.getVolumes().stream().filter(v -> v.getEmptyDir() != null).map(v -> v.getName())
                    .collect(Collectors.toSet());
            List<Container> containers = new ArrayList<>(pod.getContainers());
            containers.addAll(pod.getInitContainers()); // the migrations' init container too
            for (Container c : containers) {
                var sc = c.getSecurityContext();
                assertNotNull(sc, name + " " + c.getName());
                assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), name + ": read-only root filesystem");
                assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), name + ": no privilege escalation");
                assertNotNull(sc.getCapabilities(), name + ": capabilities");
                assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), name + ": drops all capabilities");
                assertTrue(sc.getCapabilities().getAdd() == null || sc.getCapabilities().getAdd().isEmpty(), name + ": adds none");
                assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp") && emptyDirs.contains(m.getName())),
                        name + ": /tmp is an emptyDir");
            }
        }
    }

    /**
     * The services reach Keycloak where it serves (issue 24). At its public address (production), through the ingress
     * controller: https on 443 to the host of an Ingress that routes the realm's endpoints to Keycloak's Service, by a name
     * the Ingress's certificate carries, trusting the CA that issued it (mounted from the certificate's secret), and each
     * service's NetworkPolicy lets 443 through to the ingress controller's namespace (NetworkPoliciesTest: to nothing of
     * Keycloak's). Directly (dev only): http on 8080 to Keycloak's Service, only where Keycloak serves http, allowed by a
     * policy on each side.
     */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void theServicesReachKeycloakOnTheSchemeAndPortItServesAndTrustItsCertificate(String overlay) {
        Manifests.Rendered r = rendered(overlay);
        String keycloakService = r.keycloak().metadata().name() + "-service";
        boolean http = !Boolean.FALSE.equals(r.keycloak().spec().http().httpEnabled());
        for (String s : SERVICES) {
            URI url = URI.create(resolvedEnv(r, s).get("OIDC_AUTH_SERVER_URL"));
            String name = overlay + " " + s + " -> " + url;
            if (url.getHost().equals(keycloakService) || url.getHost().startsWith(keycloakService + ".")) {
                assertEquals("http", url.getScheme(), name + ": directly only where Keycloak serves http (dev)");
                assertTrue(http, name + ": Keycloak does not serve http here");
                assertEquals(8080, url.getPort(), name);
                var pods = NetworkPoliciesTest.pods(r);
                assertTrue(NetworkPoliciesTest.connects(r, pods.get(s + "-service"), pods.get("keycloak"), 8080),
                        name + ": the NetworkPolicies allow 8080 from the service to Keycloak's pods");
                continue;
            }
            assertEquals("https", url.getScheme(), name + ": through the ingress controller, over https");
            assertTrue(url.getPort() == -1 || url.getPort() == 443, name + ": the ingress controller's https port");
            var ingress = r.all(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class).stream()
                    .filter(i -> NetworkPoliciesTest.routes(i, url.getHost(), url.getPath() + "/protocol/openid-connect/certs", keycloakService))
                    .findFirst().orElseThrow(() -> new AssertionError(name + ": no Ingress routes the realm's endpoints on " + url.getHost() + " to Keycloak"));
            String tlsSecret = ingress.getSpec().getTls().stream().filter(t -> t.getHosts().contains(url.getHost()))
                    .map(t -> t.getSecretName()).findFirst().orElseThrow(() -> new AssertionError(name + ": the Ingress has no TLS for " + url.getHost()));
            Manifests.Certificate certificate = r.all(Manifests.Certificate.class).stream()
                    .filter(c -> tlsSecret.equals(c.spec().secretName())).findFirst().orElseThrow(() -> new AssertionError(name + ": no Certificate for " + tlsSecret));
            assertTrue(certificate.spec().dnsNames().contains(url.getHost()), name + ": the certificate names " + url.getHost());
            Map<String, String> env = resolvedEnv(r, s);
            assertEquals("keycloak", env.get("QUARKUS_OIDC_TLS_TLS_CONFIGURATION_NAME"), name + ": OIDC uses the keycloak TLS configuration");
            String ca = env.get("QUARKUS_TLS__KEYCLOAK__TRUST_STORE_PEM_CERTS");
            assertNotNull(ca, name + ": trusts a CA");
            var pod = r.deployment(s).getSpec().getTemplate().getSpec();
            var mount = container(r, s).getVolumeMounts().stream().filter(m -> ca.startsWith(m.getMountPath() + "/")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": " + ca + " is not mounted"));
            var volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            assertNotNull(volume.getSecret(), name + ": the CA comes from a secret");
            assertEquals(tlsSecret, volume.getSecret().getSecretName(), name + ": the CA of the certificate the Ingress serves");
            assertTrue(volume.getSecret().getItems().stream().anyMatch(i -> i.getKey().equals("ca.crt")
                    && ca.equals(mount.getMountPath() + "/" + i.getPath())), name + ": ca.crt at " + ca);
            NetworkPolicy np = r.named(NetworkPolicy.class, s + "-service").orElseThrow();
            assertTrue(np.getSpec().getEgress().stream().anyMatch(rule -> rule.getTo().stream()
                    .anyMatch(p -> p.getNamespaceSelector() != null
                            && "ingress-nginx".equals(p.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")))
                    && rule.getPorts().stream().anyMatch(p -> p.getPort().getIntVal() == 443)),
                    name + ": the NetworkPolicy allows 443 to the ingress controller");
        }
    }

    /**
     * Every replica the autoscalers allow fits under the database's limits (issue 24): each service's pool times its
     * HPA's maximum and a rollout's surge within its role's connection limit, Keycloak's pool times its instances within its role's, and the
     * roles' limits together within the server's max_connections less the superuser's reserved three.
     */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void theConnectionPoolsOfEveryReplicaTheAutoscalersAllowFitTheDatabase(String overlay) throws IOException {
        Manifests.Rendered r = rendered(overlay);
        Manifests.CnpgCluster cluster = r.all(Manifests.CnpgCluster.class).get(0);
        Map<String, Integer> limits = new java.util.HashMap<>();
        for (Manifests.CnpgRole role : cluster.spec().managed().roles()) {
            assertNotNull(role.connectionLimit(), overlay + ": role " + role.name() + " has a connection limit");
            limits.put(role.name(), role.connectionLimit());
        }
        for (String s : SERVICES) {
            var rollout = r.deployment(s).getSpec().getStrategy().getRollingUpdate();
            int surge = rollout == null || rollout.getMaxSurge() == null ? 1 : rollout.getMaxSurge().getIntVal();
            // the autoscaler's maximum, plus the pods a rolling update starts before it stops old ones
            int replicas = r.named(HorizontalPodAutoscaler.class, s + "-service").orElseThrow().getSpec().getMaxReplicas() + surge;
            int pool = r.deployment(s).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(e -> e.getName().equals("QUARKUS_DATASOURCE_JDBC_MAX_SIZE")).map(e -> Integer.parseInt(e.getValue()))
                    .findFirst().orElse(poolMaxSize(s));
            assertTrue(replicas * pool <= limits.get(s), overlay + " " + s + ": " + replicas + " replicas x " + pool
                    + " connections exceed the role's limit of " + limits.get(s));
            // each starting pod's init container migrates (or finds nothing to do) on one connection of the owner role
            assertTrue(replicas <= limits.get(s + "_owner"), overlay + " " + s + ": " + replicas
                    + " pods starting at once exceed the owner role's limit of " + limits.get(s + "_owner"));
        }
        // Keycloak's default pool is 100; the operator's realm import runs one more Keycloak process with the same pool
        int keycloakPool = r.keycloak().spec().db().poolMaxSize() == null ? 100 : r.keycloak().spec().db().poolMaxSize();
        int keycloaks = r.keycloak().spec().instances() + 1;
        assertTrue(keycloaks * keycloakPool <= limits.get("keycloak"),
                overlay + ": Keycloak's " + keycloaks + " x " + keycloakPool + " connections exceed its role's limit");
        int max = Integer.parseInt(cluster.spec().postgresql().parameters().get("max_connections"));
        int sum = limits.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(sum <= max - 3, overlay + ": the roles' limits (" + sum + ") exceed max_connections " + max + " less 3 reserved");
    }

    /**
     * Issue 24, item 5: each service's database is owned by a role only its migrations use. They run in an init container
     * (the service's image, exiting after Quarkus's initialization tasks) with the owner's credentials; the service's
     * container has none of them, does not migrate, and connects as its own role, which the migrations grant no DDL and,
     * on the audit trail, only insert and read (AuditTrailChecks checks those grants on a real database).
     */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void theServicesRunWithoutTheCredentialsOfTheRoleOwningTheirSchema(String overlay) {
        Manifests.Rendered r = rendered(overlay);
        Manifests.CnpgCluster cluster = r.all(Manifests.CnpgCluster.class).get(0);
        Map<String, String> secretOfRole = new java.util.HashMap<>();
        for (Manifests.CnpgRole role : cluster.spec().managed().roles()) {
            secretOfRole.put(role.name(), role.passwordSecret().name());
        }
        for (String s : SERVICES) {
            String owner = s + "_owner";
            String where = overlay + " " + s;
            assertEquals(owner, r.all(Manifests.CnpgDatabase.class).stream().filter(d -> d.spec().name().equals(s)).findFirst()
                    .orElseThrow().spec().owner(), where + ": the database's owner");
            assertTrue(secretOfRole.containsKey(s) && secretOfRole.containsKey(owner), where + ": both roles are managed");
            assertNotEquals(secretOfRole.get(s), secretOfRole.get(owner), where + ": each role has its own secret");
            assertTrue(cluster.spec().postgresql().pg_hba().contains("hostssl " + s + " " + owner + " all scram-sha-256"),
                    where + ": the owner may connect to its database over TLS only");
            assertEquals(owner, r.named(Secret.class, secretOfRole.get(owner)).map(secret -> decoded(secret, "username")).orElseThrow(),
                    where + ": the owner's secret names the owner role");

            var pod = r.deployment(s).getSpec().getTemplate().getSpec();
            var service = pod.getContainers().get(0);
            assertTrue(service.getEnv().stream().noneMatch(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null
                    && e.getValueFrom().getSecretKeyRef().getName().equals(secretOfRole.get(owner))), where + ": the service has no owner credential");
            assertTrue(service.getEnv().stream().noneMatch(e -> e.getName().contains("DB_OWNER")), where + ": no owner variable at all");
            assertEquals("false", envValue(service, "QUARKUS_FLYWAY_MIGRATE_AT_START"), where + ": the service does not migrate");

            assertEquals(1, pod.getInitContainers().size(), where + ": one init container, the migration");
            var migrate = pod.getInitContainers().get(0);
            assertEquals(service.getImage(), migrate.getImage(), where + ": the migration is the service's own image");
            assertEquals("true", envValue(migrate, "QUARKUS_INIT_AND_EXIT"), where + ": it exits after initialization");
            assertEquals("true", envValue(migrate, "QUARKUS_FLYWAY_MIGRATE_AT_START"), where);
            String prefix = s.toUpperCase() + "_DB_";
            assertEquals(secretOfRole.get(owner), secretName(migrate, prefix + "OWNER"), where + ": migrates as the owner");
            assertEquals(secretOfRole.get(owner), secretName(migrate, prefix + "OWNER_PASSWORD"), where);
            assertEquals(secretOfRole.get(s), secretName(migrate, prefix + "USER"), where + ": grants to the service's role");
            assertEquals(secretOfRole.get(s), secretName(service, prefix + "USER"), where + ": the service connects as its role");
            assertEquals(Boolean.TRUE, migrate.getSecurityContext().getReadOnlyRootFilesystem(), where);
        }
    }

    private static String envValue(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue)
                .findFirst().orElse(null);
    }

    private static String decoded(Secret secret, String key) {
        if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
            return secret.getStringData().get(key);
        }
        return new String(java.util.Base64.getDecoder().decode(secret.getData().get(key)), java.nio.charset.StandardCharsets.UTF_8).strip();
    }

    private static String secretName(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name) && e.getValueFrom() != null
                && e.getValueFrom().getSecretKeyRef() != null).map(e -> e.getValueFrom().getSecretKeyRef().getName()).findFirst().orElse(null);
    }

    /** Keycloak starts only with a full URL as its hostname when the admin console has a host of its own. */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void keycloaksHostnameIsAUrlBesideItsAdminHost(String overlay) {
        var hostname = rendered(overlay).keycloak().spec().hostname();
        if (hostname != null && hostname.admin() != null) {
            assertTrue(hostname.hostname().startsWith("https://"), overlay + ": hostname " + hostname.hostname());
            assertTrue(hostname.admin().startsWith("https://"), overlay + ": admin " + hostname.admin());
        }
    }

    /** quarkus.datasource.jdbc.max-size when the Deployment does not set it: the service's application.properties, the platform's defaults, Quarkus's 20. */
    private static int poolMaxSize(String service) throws IOException {
        for (String file : List.of(service + "-service/src/main/resources/application.properties",
                "service-platform/src/main/resources/META-INF/microprofile-config.properties")) {
            java.util.Properties p = new java.util.Properties();
            try (var in = Files.newInputStream(Manifests.ROOT.resolve(file))) {
                p.load(in);
            }
            if (p.getProperty("quarkus.datasource.jdbc.max-size") != null) {
                return Integer.parseInt(p.getProperty("quarkus.datasource.jdbc.max-size").trim());
            }
        }
        return 20;
    }

    /**
     * Issue 24, item 3: every client's {@code site} mapper is multivalued and aggregates the user's attribute with their
     * groups', so an account given two sites shows both in its tokens (the services and the web app refuse it) instead of
     * one chosen silently; checked in the realm both overlays import.
     */
    @Test
    void theSiteClaimShowsEverySiteAnAccountHas() {
        for (String overlay : List.of("dev", "production")) {
            JsonNode realm = rendered(overlay).realmImport().spec().realm();
            int mappers = 0;
            for (JsonNode client : realm.path("clients")) {
                for (JsonNode mapper : client.path("protocolMappers")) {
                    if ("site".equals(mapper.path("config").path("claim.name").asText())) {
                        mappers++;
                        String where = overlay + " " + client.path("clientId").asText();
                        assertEquals("true", mapper.path("config").path("multivalued").asText(), where + ": multivalued");
                        assertEquals("true", mapper.path("config").path("aggregate.attrs").asText(), where + ": aggregates user and groups");
                        assertEquals("site", mapper.path("config").path("user.attribute").asText(), where);
                    }
                }
            }
            assertTrue(mappers > 0, overlay + ": the web client maps the site claim");
        }
    }

    @Test
    void theDevRealmImportIsTheCheckedInRealmWithItsDemoUsers() throws IOException {
        JsonNode realm = Manifests.readYaml(Manifests.ROOT.resolve("deploy/keycloak/tumorboard-realm.json"));
        JsonNode imported = rendered("dev").realmImport().spec().realm();
        assertEquals(realm, imported, "deploy/k8s/base/keycloak/realm-import.yaml and the dev overlay's users follow tumorboard-realm.json");
    }

    /**
     * Production's realm (issue 24): the checked-in realm's groups, roles and web client, without the password-grant
     * client and the demo users, https only, brute-force detection, a password policy, and a one-time code at sign-in
     * for the board chair, the auditor and the operator.
     */
    @Test
    void theProductionRealmHasNoPasswordGrantClientNorDemoUsersAndAsksPrivilegedRolesForASecondFactor() throws IOException {
        JsonNode realm = Manifests.readYaml(Manifests.ROOT.resolve("deploy/keycloak/tumorboard-realm.json"));
        JsonNode imported = rendered("production").realmImport().spec().realm();
        assertTrue(imported.path("users").isMissingNode(), "no demo users (password = user name) in production");
        assertEquals(List.of("tumorboard-web"), imported.path("clients").findValuesAsText("clientId"), "no password-grant client");
        JsonNode web = imported.path("clients").get(0);
        assertFalse(web.path("directAccessGrantsEnabled").asBoolean(true));
        String host = rendered("production").named(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class, "web-app").orElseThrow()
                .getSpec().getRules().get(0).getHost();
        List<String> redirects = new ArrayList<>();
        web.path("redirectUris").forEach(uri -> redirects.add(uri.asText()));
        assertEquals(List.of("https://" + host + "/*"), redirects, "the web client redirects only to the production host, over https");
        ObjectNode checkedInWeb = null;
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals("tumorboard-web")) {
                checkedInWeb = (ObjectNode) client.deepCopy();
            }
        }
        assertNotNull(checkedInWeb);
        checkedInWeb.set("redirectUris", web.path("redirectUris"));
        assertEquals(checkedInWeb, web, "the web client, its site and role mappers as checked in");
        assertEquals(realm.path("groups"), imported.path("groups"), "the site and discipline groups as checked in");
        assertEquals("all", imported.path("sslRequired").asText());

        assertTrue(imported.path("bruteForceProtected").asBoolean(), "brute-force detection");
        assertTrue(imported.path("failureFactor").asInt(0) > 0 && imported.path("failureFactor").asInt() <= 10, "locked after a few failures");
        String policy = imported.path("passwordPolicy").asText();
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("length\\((\\d+)\\)").matcher(policy);
        assertTrue(length.find() && Integer.parseInt(length.group(1)) >= 12, "a password policy with a length of 12 or more: " + policy);
        assertTrue(policy.contains("notUsername"), policy);

        Set<String> privileged = new TreeSet<>();
        for (JsonNode role : imported.path("roles").path("realm")) {
            role.path("composites").path("realm").forEach(c -> {
                if (c.asText().equals("second-factor")) {
                    privileged.add(role.path("name").asText());
                }
            });
        }
        assertEquals(Set.of("auditor", "board-chair", "operator"), privileged, "the roles asked for a second factor");
        boolean defined = false;
        for (JsonNode role : imported.path("roles").path("realm")) {
            defined |= role.path("name").asText().equals("second-factor");
        }
        assertTrue(defined, "the realm defines the role second-factor");
        assertTrue(asksForOtpWhen(imported, imported.path("browserFlow").asText(), "second-factor"),
                "the browser flow asks for a one-time code when the user holds second-factor");
    }

    /**
     * Whether the flow asks for a one-time code exactly when the user holds the role: a CONDITIONAL subflow (run by
     * its parent, not disabled) whose first step is a role condition on it, not negated, followed by auth-otp-form,
     * REQUIRED. Subflows are followed only when they run (REQUIRED, ALTERNATIVE or CONDITIONAL).
     */
    private static boolean asksForOtpWhen(JsonNode realm, String flowAlias, String role) {
        JsonNode flow = flow(realm, flowAlias);
        if (flow == null) {
            return false;
        }
        for (JsonNode step : flow.path("authenticationExecutions")) {
            String requirement = step.path("requirement").asText();
            if (!step.path("authenticatorFlow").asBoolean() || !List.of("REQUIRED", "ALTERNATIVE", "CONDITIONAL").contains(requirement)) {
                continue;
            }
            String sub = step.path("flowAlias").asText();
            if (requirement.equals("CONDITIONAL") && isOtpWhenRole(realm, flow(realm, sub), role)) {
                return true;
            }
            if (asksForOtpWhen(realm, sub, role)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOtpWhenRole(JsonNode realm, JsonNode flow, String role) {
        if (flow == null || flow.path("authenticationExecutions").size() < 2) {
            return false;
        }
        JsonNode condition = flow.path("authenticationExecutions").get(0);
        JsonNode otp = flow.path("authenticationExecutions").get(1);
        boolean onRole = false;
        if (condition.path("authenticator").asText().equals("conditional-user-role") && condition.path("requirement").asText().equals("REQUIRED")) {
            for (JsonNode c : realm.path("authenticatorConfig")) {
                onRole |= c.path("alias").asText().equals(condition.path("authenticatorConfig").asText())
                        && c.path("config").path("condUserRole").asText().equals(role) && !c.path("config").path("negate").asText().equals("true");
            }
        }
        return onRole && otp.path("authenticator").asText().equals("auth-otp-form") && otp.path("requirement").asText().equals("REQUIRED");
    }

    private static JsonNode flow(JsonNode realm, String alias) {
        for (JsonNode flow : realm.path("authenticationFlows")) {
            if (flow.path("alias").asText().equals(alias)) {
                return flow;
            }
        }
        return null;
    }

    // ---- helpers

    private static void assertProbe(Probe probe, String path, Container c) {
        assertNotNull(probe, c.getName() + " probe " + path);
        assertEquals(path, probe.getHttpGet().getPath());
        String port = probe.getHttpGet().getPort().getStrVal();
        assertEquals(c.getPorts().get(0).getName(), port, c.getName() + " probes the HTTP port");
    }

    private static Container container(Manifests.Rendered r, String s) {
        return r.deployment(s).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static EnvVar env(Container c, String name) {
        return c.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(c.getName() + " has no " + name));
    }

    /** The container's environment with ConfigMap values resolved (Secrets as their reference). */
    static Map<String, String> resolvedEnv(Manifests.Rendered r, String s) {
        Map<String, String> values = new java.util.TreeMap<>();
        for (EnvVar e : container(r, s).getEnv()) {
            if (e.getValueFrom() == null) {
                values.put(e.getName(), e.getValue());
            } else if (e.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = e.getValueFrom().getConfigMapKeyRef();
                values.put(e.getName(), r.configMap(ref.getName()) == null ? "" : r.configMap(ref.getName()).getData().get(ref.getKey()));
            } else {
                values.put(e.getName(), "secret:" + e.getValueFrom().getSecretKeyRef().getName());
            }
        }
        return values;
    }

    /** The environment variables a service's application.properties reads (${NAME:default}). */
    static Set<String> environmentReadBy(String service) {
        return Manifests.environmentRead(service + "-service");
    }

    private static java.util.Optional<String> hostOf(String value) {
        if (value == null || value.startsWith("secret:")) {
            return java.util.Optional.empty();
        }
        String v = value.startsWith("jdbc:") ? value.substring(5) : value;
        if (v.contains("://")) {
            return java.util.Optional.ofNullable(URI.create(v).getHost());
        }
        if (v.matches("[a-z0-9.-]+:\\d+")) {
            return java.util.Optional.of(v.substring(0, v.indexOf(':')));
        }
        return java.util.Optional.empty();
    }

    private static boolean hasKey(Secret secret, String key) {
        return secret != null && ((secret.getData() != null && secret.getData().containsKey(key))
                || (secret.getStringData() != null && secret.getStringData().containsKey(key)));
    }
}
