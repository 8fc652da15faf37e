package org.tumorboard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The web app (#12) in deploy/k8s: replicated with probes and limits, its environment exactly what its
 * application.properties reads, each service URL a Service the overlay has, its two secrets shared by the replicas, an
 * Ingress on the host Keycloak lets it redirect to, and a network policy that lets it reach the services and
 * Keycloak (through the ingress controller) but neither Kafka nor the database.
 */
class WebAppManifestsTest {

    private static Manifests.Rendered rendered(String overlay) {
        return Manifests.rendered(overlay);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void theWebAppRunsReplicatedWithProbesAndLimits(String overlay) {
        Manifests.Rendered r = rendered(overlay);
        Deployment d = r.named(Deployment.class, "web-app").orElseThrow();
        assertTrue(d.getSpec().getReplicas() >= 2, "two replicas at least");
        Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath());
        assertNotNull(c.getResources().getLimits().get("memory"));
        assertEquals(185L, d.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser());
        assertTrue(c.getImage().contains("tumorboard/web-app:"), c.getImage());
        assertEquals(1, r.named(PodDisruptionBudget.class, "web-app").orElseThrow().getSpec().getMinAvailable().getIntVal());
        assertNotNull(r.service("web-app"), "a Service for the Ingress");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void itsEnvironmentIsExactlyWhatItReadsAndPointsAtServicesThatExist(String overlay) throws IOException {
        Manifests.Rendered r = rendered(overlay);
        Container c = r.named(Deployment.class, "web-app").orElseThrow().getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, String> env = new TreeMap<>();
        for (EnvVar e : c.getEnv()) {
            if (e.getValueFrom() == null) {
                env.put(e.getName(), e.getValue());
            } else if (e.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = e.getValueFrom().getConfigMapKeyRef();
                assertNotNull(r.configMap(ref.getName()), overlay + ": ConfigMap " + ref.getName());
                env.put(e.getName(), r.configMap(ref.getName()).getData().get(ref.getKey()));
            } else {
                var ref = e.getValueFrom().getSecretKeyRef();
                Secret secret = r.secret(ref.getName());
                assertNotNull(secret, overlay + ": Secret " + ref.getName());
                String value = secret.getData() != null && secret.getData().containsKey(ref.getKey()) ? secret.getData().get(ref.getKey())
                        : secret.getStringData() == null ? null : secret.getStringData().get(ref.getKey());
                assertNotNull(value, overlay + ": " + ref.getName() + " has " + ref.getKey());
                env.put(e.getName(), "secret");
            }
        }
        Set<String> reads = Manifests.environmentRead("web-app");
        Set<String> set = new TreeSet<>(env.keySet());
        set.removeAll(Set.of("QUARKUS_HTTP_PORT", "JAVA_OPTS_APPEND"));
        if (overlay.equals("production")) {
            // Quarkus's own settings: production Keycloak's certificate is the hospital CA's, mounted from its secret
            assertEquals("keycloak", env.get("QUARKUS_OIDC_TLS_TLS_CONFIGURATION_NAME"), "the OIDC client uses the TLS configuration");
            String ca = env.get("QUARKUS_TLS__KEYCLOAK__TRUST_STORE_PEM_CERTS");
            assertTrue(ca != null && c.getVolumeMounts().stream().anyMatch(m -> ca.startsWith(m.getMountPath() + "/")),
                    "the web app trusts the hospital CA, mounted at " + ca);
            set.removeAll(Set.of("QUARKUS_OIDC_TLS_TLS_CONFIGURATION_NAME", "QUARKUS_TLS__KEYCLOAK__TRUST_STORE_PEM_CERTS"));
        }
        assertEquals(reads, set, overlay + ": the Deployment's environment and application.properties' ${...}");
        for (String service : List.of("INTAKE", "PATHOLOGY", "STAGING", "BOARD")) {
            String host = java.net.URI.create(env.get(service + "_URL")).getHost();
            assertNotNull(r.service(host), overlay + ": " + service + "_URL names Service " + host);
        }
        assertEquals("secret", env.get("WEB_SESSION_SECRET"), "the session key comes from a Secret, not the image's default");
        assertEquals("secret", env.get("WEB_STATE_SECRET"));
        assertEquals("secret", env.get("WEB_CSRF_SECRET"), "the CSRF tokens' key comes from a Secret (issue 24)");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void browsersReachItOnTheHostKeycloakRedirectsTo(String overlay) throws IOException {
        Manifests.Rendered r = rendered(overlay);
        Ingress ingress = r.named(Ingress.class, "web-app").orElseThrow();
        String host = ingress.getSpec().getRules().get(0).getHost();
        assertEquals("web-app", ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName());
        assertTrue(ingress.getSpec().getTls().get(0).getHosts().contains(host), "TLS for " + host);
        JsonNode realm = Manifests.readYaml(Manifests.ROOT.resolve("deploy/keycloak/tumorboard-realm.json"));
        Set<String> redirects = new HashSet<>();
        for (JsonNode client : realm.path("clients")) {
            if ("tumorboard-web".equals(client.path("clientId").asText())) {
                client.path("redirectUris").forEach(u -> redirects.add(u.asText()));
            }
        }
        assertTrue(redirects.contains("https://" + host + "/*"), "tumorboard-web may redirect to " + host + ": " + redirects);
        String issuer = r.configMap("web-app-config").getData().get("OIDC_AUTH_SERVER_URL");
        String hostname = r.keycloak().spec().hostname().hostname();
        assertEquals(hostname.contains("://") ? java.net.URI.create(hostname).getHost() : hostname, java.net.URI.create(issuer).getHost(),
                "the app signs users in at Keycloak's public host");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void itReachesTheServicesAndKeycloakButNotKafkaOrTheDatabase(String overlay) {
        NetworkPolicy policy = rendered(overlay).named(NetworkPolicy.class, "web-app").orElseThrow();
        Set<String> peers = new TreeSet<>();
        policy.getSpec().getEgress().forEach(rule -> rule.getTo().forEach(peer -> {
            if (peer.getPodSelector() != null && peer.getPodSelector().getMatchLabels() != null) {
                peers.addAll(peer.getPodSelector().getMatchLabels().values());
            }
        }));
        assertTrue(peers.containsAll(List.of("intake-service", "pathology-service", "staging-service", "board-service")), peers.toString());
        assertTrue(peers.stream().noneMatch(p -> p.contains("kafka") || p.contains("db")), "no Kafka, no database: " + peers);
        // Keycloak only at its public address, through the ingress controller; not its pods (issue 24)
        assertTrue(peers.stream().noneMatch(p -> p.contains("keycloak")), "not Keycloak's pods: " + peers);
        assertTrue(policy.getSpec().getEgress().stream().anyMatch(rule -> rule.getTo().stream().anyMatch(peer -> peer.getNamespaceSelector() != null
                && "ingress-nginx".equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")))
                && rule.getPorts().stream().anyMatch(port -> port.getPort().getIntVal() == 443)), "Keycloak through the ingress controller, on 443");
        assertEquals("ingress-nginx", policy.getSpec().getIngress().get(0).getFrom().get(0).getNamespaceSelector().getMatchLabels()
                .get("kubernetes.io/metadata.name"));
    }
}
