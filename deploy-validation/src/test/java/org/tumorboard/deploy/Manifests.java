package org.tumorboard.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.tumorboard.events.Topics;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * An overlay of deploy/k8s rendered by {@code kubectl kustomize} (kubectl from the PATH; .ci/run installs Debian's when
 * missing), each document read into its typed model: fabric8's for Kubernetes, Strimzi's for Kafka, and the records
 * below for the CloudNativePG, Keycloak-operator and cert-manager resources (which have no model on Maven Central).
 */
final class Manifests {

    static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();

    /**
     * Every service deployed, by its short name (its database, roles, Secrets and environment prefix), as case-events
     * Topics.CONSUMERS names them: the four that publish (Topics.SERVICES, Topics.ownedBy) and fhir-service, a read model
     * that publishes on no topic (Topics.READERS).
     */
    static final List<String> SERVICES = Topics.CONSUMERS.stream().map(Manifests::shortName).toList();

    /** The services the web app calls (its *_URL): not fhir-service, which serves FHIR clients. */
    static final List<String> CALLED_BY_WEB_APP = List.of("intake", "pathology", "staging", "board");

    /**
     * The services a service calls over HTTP (its {@code <CALLEE>_URL}, with the caller's token): fhir-service asks intake
     * for the patient's identity (issue 23). No other call between services is allowed.
     */
    static final Map<String, List<String>> CALLS = Map.of("fhir", List.of("intake"));

    private static String shortName(String service) {
        if (!service.endsWith("-service")) {
            throw new IllegalArgumentException("not a service name: " + service);
        }
        return service.substring(0, service.length() - "-service".length());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Meta(String name, String namespace, Map<String, String> labels) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SecretRef(String name, String key) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CnpgRole(String name, String ensure, boolean login, Integer connectionLimit, SecretRef passwordSecret) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CnpgCluster(Meta metadata, CnpgClusterSpec spec) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CnpgClusterSpec(int instances, CnpgPostgresql postgresql, CnpgManaged managed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CnpgPostgresql(List<String> pg_hba, Map<String, String> parameters) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CnpgManaged(List<CnpgRole> roles) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CnpgDatabase(Meta metadata, CnpgDatabaseSpec spec) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CnpgDatabaseSpec(String name, String owner, SecretRef cluster) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeycloakCr(Meta metadata, KeycloakSpec spec) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeycloakSpec(int instances, KeycloakDb db, KeycloakHttp http, KeycloakHostname hostname, KeycloakEnabled ingress,
            KeycloakEnabled networkPolicy) {
    }

    /** spec.ingress and spec.networkPolicy: the operator creates its own Ingress and NetworkPolicy unless disabled. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeycloakEnabled(Boolean enabled) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeycloakHostname(String hostname, String admin) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeycloakDb(String vendor, String host, String database, SecretRef usernameSecret, SecretRef passwordSecret, Integer poolMaxSize) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeycloakHttp(Boolean httpEnabled, String tlsSecret) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RealmImport(Meta metadata, RealmImportSpec spec) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RealmImportSpec(String keycloakCRName, JsonNode realm) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Certificate(Meta metadata, CertificateSpec spec) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CertificateSpec(String secretName, List<String> dnsNames) {
    }

    /** Everything one overlay renders. */
    record Rendered(String overlay, List<Object> all) {

        <T> List<T> all(Class<T> type) {
            return all.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
            return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
        }

        Deployment deployment(String service) {
            return named(Deployment.class, service + "-service").orElseThrow(() -> new AssertionError(overlay + ": no Deployment " + service + "-service"));
        }

        ConfigMap configMap(String name) {
            return named(ConfigMap.class, name).orElse(null);
        }

        Secret secret(String name) {
            return named(Secret.class, name).orElse(null);
        }

        Service service(String name) {
            return named(Service.class, name).orElse(null);
        }

        CnpgCluster cnpgCluster() {
            return only(CnpgCluster.class);
        }

        KeycloakCr keycloak() {
            return only(KeycloakCr.class);
        }

        RealmImport realmImport() {
            return only(RealmImport.class);
        }

        Kafka kafka() {
            return only(Kafka.class);
        }

        <T> T only(Class<T> type) {
            List<T> found = all(type);
            if (found.size() != 1) {
                throw new AssertionError(overlay + ": expected one " + type.getSimpleName() + ", found " + found.size());
            }
            return found.get(0);
        }
    }

    private static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", CnpgCluster.class),
            Map.entry("postgresql.cnpg.io/v1/Database", CnpgDatabase.class),
            Map.entry("k8s.keycloak.org/v2beta1/Keycloak", KeycloakCr.class),
            Map.entry("k8s.keycloak.org/v2beta1/KeycloakRealmImport", RealmImport.class),
            Map.entry("cert-manager.io/v1/Certificate", Certificate.class));

    private Manifests() {
    }

    private static final Map<String, Rendered> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.regex.Pattern ENV_REF = java.util.regex.Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    /** An overlay rendered once per test run. */
    static Rendered rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::render);
    }

    /** The environment variables a module's application.properties reads (${NAME:default}). */
    static java.util.Set<String> environmentRead(String module) {
        try {
            String props = Files.readString(ROOT.resolve(module + "/src/main/resources/application.properties"));
            java.util.Set<String> names = new java.util.TreeSet<>();
            java.util.regex.Matcher m = ENV_REF.matcher(props);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Renders the overlay from a copy of deploy/k8s. The production overlay reads credentials from files that are never
     * committed; the copy gets random ones, as an operator's secret store would provide them.
     */
    static Rendered render(String overlay) {
        try {
            Path copy = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "k8s-");
            copyTree(ROOT.resolve("deploy/k8s"), copy);
            if (overlay.equals("production")) {
                SecureRandom random = new SecureRandom();
                for (String owner : Stream.concat(SERVICES.stream(), Stream.of("keycloak")).toList()) {
                    byte[] password = new byte[18];
                    random.nextBytes(password);
                    Files.writeString(copy.resolve("overlays/production/secrets/" + owner + "-db-username"), owner);
                    Files.writeString(copy.resolve("overlays/production/secrets/" + owner + "-db-password"),
                            HexFormat.of().formatHex(password));
                }
                for (String service : SERVICES) {
                    byte[] password = new byte[18];
                    random.nextBytes(password);
                    Files.writeString(copy.resolve("overlays/production/secrets/" + service + "-db-owner-username"), service + "_owner");
                    Files.writeString(copy.resolve("overlays/production/secrets/" + service + "-db-owner-password"),
                            HexFormat.of().formatHex(password));
                }
                for (String secret : List.of("web-state-secret", "web-session-secret", "web-csrf-secret")) {
                    byte[] value = new byte[32];
                    random.nextBytes(value);
                    Files.writeString(copy.resolve("overlays/production/secrets/" + secret), HexFormat.of().formatHex(value));
                }
            }
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", copy.resolve("overlays/" + overlay).toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String yaml = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + overlay + " failed with " + kubectl.exitValue());
            }
            return new Rendered(overlay, parse(yaml, overlay));
        } catch (IOException e) {
            throw new UncheckedIOException("kubectl kustomize needs kubectl on the PATH (.ci/run installs Debian's)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<Object> parse(String yaml, String where) throws IOException {
        List<Object> objects = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext();) {
                JsonNode doc = it.next();
                if (doc == null || doc.isNull() || doc.isEmpty()) {
                    continue;
                }
                String key = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
                Class<?> type = TYPES.get(key);
                if (type == null) {
                    throw new AssertionError(where + ": no typed model for " + key + " (" + doc.path("metadata").path("name") + ")");
                }
                objects.add(YAML.treeToValue(doc, type));
            }
        }
        return objects;
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
