package org.tumorboard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tumorboard.deploy.Manifests.SERVICES;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;

/**
 * Issue 24, item 4: the namespace denies by default, in and out, and its NetworkPolicies allow exactly the flows the
 * architecture names (deploy/README.md, "Network policies and Keycloak's admin console"); no pod of the namespace reaches
 * Keycloak's pods, so the admin console and the admin REST API are reached only on their own host, from the
 * administrators' network, through the ingress controller, whose public Keycloak host routes no /admin path.
 *
 * <p>The policies are evaluated as Kubernetes does, with every pod isolated both ways (the default deny, checked first): a
 * connection needs an egress rule of a policy selecting the source and an ingress rule of a policy selecting the
 * destination. The pods are the Deployments the overlay renders and the pods the operators create from its resources and
 * from their own installation, with the labels they give them (Strimzi 0.49: KafkaPool, EntityOperator, the cluster
 * operator's Deployment; CloudNativePG 1.25: pkg/specs; the Keycloak operator: Constants, Utils and the realm import's
 * Job; ingress-nginx's and CloudNativePG's installation manifests for their namespaces and labels).
 */
class NetworkPoliciesTest {

    /** The ports a Keycloak pod listens on: http, https, management, jgroups and its failure detection. */
    static final List<Integer> KEYCLOAK_PORTS = List.of(8080, 8443, 9000, 7800, 57800);

    static final String SOURCE_RANGE = "nginx.ingress.kubernetes.io/whitelist-source-range";
    static final String SOURCE_RANGE_ALIAS = "nginx.ingress.kubernetes.io/allowlist-source-range";

    /**
     * A pod (its namespace and labels) or an address outside any pod (the Kubernetes API server's, say).
     */
    record Endpoint(String name, String namespace, Map<String, String> labels, String ip) {

        static Endpoint pod(String name, String namespace, Map<String, String> labels) {
            return new Endpoint(name, namespace, labels, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Endpoint INGRESS_CONTROLLER = Endpoint.pod("the ingress controller", "ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx", "app.kubernetes.io/component", "controller"));
    private static final Endpoint CNPG_OPERATOR = Endpoint.pod("the CloudNativePG operator", "cnpg-system",
            Map.of("app.kubernetes.io/name", "cloudnative-pg"));
    private static final Endpoint DNS = Endpoint.pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"));

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void aDefaultDenySelectsEveryPodOfTheNamespaceBothWays(String overlay) {
        Manifests.Rendered r = Manifests.rendered(overlay);
        List<String> denies = r.all(NetworkPolicy.class).stream()
                .filter(p -> selectsEverything(p.getSpec().getPodSelector()) && types(p).containsAll(List.of("Ingress", "Egress"))
                        && empty(p.getSpec().getIngress()) && empty(p.getSpec().getEgress()))
                .map(p -> p.getMetadata().getName()).toList();
        assertFalse(denies.isEmpty(), overlay + ": a NetworkPolicy with podSelector {}, both policy types and no rule");
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void everyPodOfTheNamespaceHasAnAllowPolicyOfItsOwn(String overlay) {
        Manifests.Rendered r = Manifests.rendered(overlay);
        List<String> without = new ArrayList<>();
        for (Endpoint pod : pods(r).values()) {
            boolean own = r.all(NetworkPolicy.class).stream().anyMatch(p -> !selectsEverything(p.getSpec().getPodSelector())
                    && selects(p.getSpec().getPodSelector(), pod.labels())
                    && !(empty(p.getSpec().getIngress()) && empty(p.getSpec().getEgress())));
            if (!own) {
                without.add(pod.name());
            }
        }
        assertEquals(List.of(), without, overlay + ": pods no policy of their own allows anything (under the default deny, nothing)");
    }

    /** Every flow the architecture names, allowed on both sides under the default deny (and DNS for every pod). */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void theFlowsTheSystemNeedsAreAllowed(String overlay) {
        Manifests.Rendered r = Manifests.rendered(overlay);
        List<String> denied = namedFlows(r, new HashSet<>());
        assertEquals(List.of(), denied, overlay + ": flows the policies do not allow");
    }

    /** Checks every flow the architecture names; answers those not allowed, and adds each named one to {@code named}. */
    static List<String> namedFlows(Manifests.Rendered r, Set<String> named) {
        Map<String, Endpoint> pods = pods(r);
        List<String> denied = new ArrayList<>();
        Endpoint webApp = pods.get("web-app");
        Endpoint keycloak = pods.get("keycloak");
        Endpoint postgres = pods.get("postgres");
        Endpoint postgresJob = pods.get("postgres job");
        Endpoint entityOperator = pods.get("entity-operator");
        Endpoint clusterOperator = pods.get("strimzi-cluster-operator");
        List<Endpoint> kafkaNodes = pods.values().stream().filter(p -> p.name().startsWith("kafka node")).toList();
        assertFalse(kafkaNodes.isEmpty());
        for (String s : SERVICES) {
            Endpoint service = pods.get(s + "-service");
            kafkaNodes.forEach(k -> expect(r, service, k, 9093, "TCP", denied, named));
            expect(r, service, postgres, 5432, "TCP", denied, named);
            expect(r, service, INGRESS_CONTROLLER, 443, "TCP", denied, named);
            expect(r, INGRESS_CONTROLLER, service, 8080, "TCP", denied, named);
            // the services one calls over HTTP: fhir-service asks intake-service for the patient's identity
            for (String callee : Manifests.CALLS.getOrDefault(s, List.of())) {
                expect(r, service, pods.get(callee + "-service"), 8080, "TCP", denied, named);
            }
        }
        for (String s : Manifests.CALLED_BY_WEB_APP) {
            expect(r, webApp, pods.get(s + "-service"), 8080, "TCP", denied, named);
        }
        expect(r, webApp, INGRESS_CONTROLLER, 443, "TCP", denied, named);
        expect(r, INGRESS_CONTROLLER, webApp, 8080, "TCP", denied, named);
        for (Endpoint node : kafkaNodes) {
            for (Endpoint other : kafkaNodes) {
                expect(r, node, other, 9090, "TCP", denied, named);
                expect(r, node, other, 9091, "TCP", denied, named);
            }
            expect(r, entityOperator, node, 9091, "TCP", denied, named);
            for (int port : List.of(9090, 9091, 8443)) {
                expect(r, clusterOperator, node, port, "TCP", denied, named);
            }
        }
        expect(r, postgres, postgres, 5432, "TCP", denied, named);
        expect(r, postgres, postgres, 8000, "TCP", denied, named); // CloudNativePG 1.27's liveness asks the other instances
        expect(r, postgresJob, postgres, 5432, "TCP", denied, named);
        expect(r, keycloak, postgres, 5432, "TCP", denied, named);
        expect(r, pods.get("keycloak realm import"), postgres, 5432, "TCP", denied, named);
        expect(r, CNPG_OPERATOR, postgres, 8000, "TCP", denied, named);
        expect(r, CNPG_OPERATOR, postgres, 5432, "TCP", denied, named);
        expect(r, keycloak, keycloak, 7800, "TCP", denied, named);
        expect(r, keycloak, keycloak, 57800, "TCP", denied, named);
        boolean httpsOnly = Boolean.FALSE.equals(r.keycloak().spec().http().httpEnabled());
        expect(r, INGRESS_CONTROLLER, keycloak, httpsOnly ? 8443 : 8080, "TCP", denied, named);
        for (Endpoint pod : pods.values()) {
            expect(r, pod, DNS, 53, "UDP", denied, named);
            expect(r, pod, DNS, 53, "TCP", denied, named);
        }
        // The Kubernetes API: its address is the cluster's (deploy/README.md), so an IP block on its ports
        for (Endpoint pod : List.of(entityOperator, clusterOperator, pods.get("keycloak-operator"), postgres, postgresJob)) {
            boolean api = r.all(NetworkPolicy.class).stream().filter(p -> appliesTo(p, "Egress", pod))
                    .flatMap(p -> p.getSpec().getEgress().stream())
                    .anyMatch(rule -> !empty(rule.getTo()) && rule.getTo().stream().allMatch(peer -> peer.getIpBlock() != null)
                            && portMatches(rule.getPorts(), 443, "TCP", false) && portMatches(rule.getPorts(), 6443, "TCP", false));
            if (!api) {
                denied.add(pod + " -> the Kubernetes API (an IP block, ports 443 and 6443)");
            }
        }
        return denied;
    }

    /**
     * The other way round (issue 24, item 4: only the flows the architecture names): between the pods of the namespace,
     * and from any other pod of it, no connection is allowed on any port a policy or a component names but the named
     * flows, and dev's services to Keycloak's Service (overlays/dev/dev-keycloak-direct.yaml).
     */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void nothingButTheNamedFlowsIsAllowedInsideTheNamespace(String overlay) {
        Manifests.Rendered r = Manifests.rendered(overlay);
        Set<String> named = new HashSet<>();
        namedFlows(r, named);
        Map<String, Endpoint> pods = pods(r);
        String keycloakService = r.keycloak().metadata().name() + "-service";
        for (String s : SERVICES) {
            URI url = URI.create(KubernetesManifestsTest.resolvedEnv(r, s).get("OIDC_AUTH_SERVER_URL"));
            if (url.getHost() != null && (url.getHost().equals(keycloakService) || url.getHost().startsWith(keycloakService + "."))) {
                named.add(flow(pods.get(s + "-service"), pods.get("keycloak"), url.getPort()));
            }
        }
        Set<Integer> ports = new java.util.TreeSet<>(List.of(80, 443, 5432, 8000, 8080, 8443, 9000, 9090, 9091, 9092, 9093, 7800, 57800));
        for (NetworkPolicy p : r.all(NetworkPolicy.class)) {
            java.util.stream.Stream.concat(
                    p.getSpec().getIngress() == null ? java.util.stream.Stream.empty() : p.getSpec().getIngress().stream()
                            .flatMap(rule -> rule.getPorts() == null ? java.util.stream.Stream.empty() : rule.getPorts().stream()),
                    p.getSpec().getEgress() == null ? java.util.stream.Stream.empty() : p.getSpec().getEgress().stream()
                            .flatMap(rule -> rule.getPorts() == null ? java.util.stream.Stream.empty() : rule.getPorts().stream()))
                    .filter(port -> port.getPort() != null && port.getPort().getIntVal() != null)
                    .forEach(port -> ports.add(port.getPort().getIntVal()));
        }
        List<Endpoint> sources = new ArrayList<>(pods.values());
        sources.add(Endpoint.pod("any other pod", pods.get("keycloak").namespace(), Map.of("run", "debug")));
        List<String> unnamed = new ArrayList<>();
        for (Endpoint from : sources) {
            for (Endpoint to : pods.values()) {
                for (int port : ports) {
                    if (connects(r, from, to, port) && !named.contains(flow(from, to, port))) {
                        unnamed.add(flow(from, to, port));
                    }
                }
            }
        }
        assertEquals(List.of(), unnamed, overlay + ": connections the policies allow that the architecture does not name");
    }

    private static String flow(Endpoint from, Endpoint to, int port) {
        return from.name() + " -> " + to.name() + ":" + port;
    }

    /**
     * No pod of the namespace may open a connection to Keycloak's pods, on any port they listen on: neither an egress rule
     * lets it out to them nor an ingress rule admits it, but for Keycloak's own pods (clustering). The one exception is
     * dev's: a service whose OIDC_AUTH_SERVER_URL names Keycloak's Service, on that URL's port
     * (overlays/dev/dev-keycloak-direct.yaml says why). The operator's own NetworkPolicy, which opens http(s) and the
     * management port to every source, is off.
     */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void noPodOfTheNamespaceReachesKeycloaksPods(String overlay) {
        Manifests.Rendered r = Manifests.rendered(overlay);
        Map<String, Endpoint> pods = pods(r);
        Endpoint keycloak = pods.get("keycloak");
        List<Endpoint> sources = new ArrayList<>(pods.values());
        sources.remove(keycloak);
        sources.add(Endpoint.pod("any other pod", keycloak.namespace(), Map.of("run", "debug")));
        String keycloakService = r.keycloak().metadata().name() + "-service";
        List<String> reaching = new ArrayList<>();
        for (Endpoint source : sources) {
            int allowedPort = -1;
            for (String s : SERVICES) {
                URI url = URI.create(KubernetesManifestsTest.resolvedEnv(r, s).get("OIDC_AUTH_SERVER_URL"));
                if (source.name().equals(s + "-service") && url.getHost() != null
                        && (url.getHost().equals(keycloakService) || url.getHost().startsWith(keycloakService + "."))) {
                    allowedPort = url.getPort();
                }
            }
            for (int port : KEYCLOAK_PORTS) {
                if (port == allowedPort) {
                    continue;
                }
                if (egressAllowed(r, source, keycloak, port, "TCP", true)) {
                    reaching.add(source + " -> Keycloak:" + port + " (egress)");
                }
                if (ingressAllowed(r, source, keycloak, port, "TCP", true)) {
                    reaching.add(source + " -> Keycloak:" + port + " (ingress)");
                }
            }
        }
        assertEquals(List.of(), reaching, overlay + ": pods of the namespace that may connect to Keycloak's pods");
        assertEquals(Boolean.FALSE, enabled(r.keycloak().spec().networkPolicy()),
                overlay + ": the Keycloak operator's own NetworkPolicy admits every source to http(s) and the management port");
    }

    /**
     * The admin console has its own host (the Keycloak CR's hostname.admin), whose Ingress admits only the administrators'
     * network (ingress-nginx's whitelist-source-range: CIDRs, none open to all; the base's placeholder replaced in
     * production); every other Ingress to Keycloak routes only /realms and /resources (no /admin path, no default
     * backend); the operator's own Ingress, which routes every path, is off; the Ingresses reach Keycloak on the port it
     * serves.
     */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void keycloaksAdminConsoleIsOnItsOwnHostOpenOnlyToTheAdminNetwork(String overlay) {
        Manifests.Rendered r = Manifests.rendered(overlay);
        Manifests.KeycloakSpec kc = r.keycloak().spec();
        assertEquals(Boolean.FALSE, enabled(kc.ingress()), overlay + ": the Keycloak operator's Ingress routes every path, /admin/ included");
        assertNotNull(kc.hostname().admin(), overlay + ": Keycloak's hostname.admin, the admin console's own host");
        String publicHost = host(kc.hostname().hostname());
        String adminHost = host(kc.hostname().admin());
        assertNotEquals(publicHost, adminHost, overlay + ": the admin console on a host of its own");
        String keycloakService = r.keycloak().metadata().name() + "-service";
        boolean httpsOnly = Boolean.FALSE.equals(kc.http().httpEnabled());
        List<Ingress> toKeycloak = r.all(Ingress.class).stream().filter(i -> i.getSpec().getRules().stream()
                .flatMap(rule -> paths(rule).stream())
                .anyMatch(p -> p.getBackend().getService() != null && keycloakService.equals(p.getBackend().getService().getName()))).toList();
        boolean adminIngress = false;
        boolean publicIngress = false;
        for (Ingress ingress : toKeycloak) {
            String name = overlay + " Ingress " + ingress.getMetadata().getName();
            Map<String, String> annotations = ingress.getMetadata().getAnnotations() == null ? Map.of() : ingress.getMetadata().getAnnotations();
            assertTrue(ingress.getSpec().getDefaultBackend() == null, name + ": no default backend");
            for (IngressRule rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : paths(rule)) {
                    assertEquals(httpsOnly ? "https" : "http", path.getBackend().getService().getPort().getName(),
                            name + ": Keycloak's " + (httpsOnly ? "https" : "http") + " port");
                }
            }
            if (httpsOnly) {
                assertEquals("HTTPS", annotations.get("nginx.ingress.kubernetes.io/backend-protocol"), name + ": Keycloak serves only https");
            }
            String range = annotations.getOrDefault(SOURCE_RANGE, annotations.get(SOURCE_RANGE_ALIAS));
            if (range != null) {
                for (String cidr : range.split(",")) {
                    String c = cidr.strip();
                    assertTrue(c.matches("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?") || c.matches("[0-9a-fA-F:]+(/\\d{1,3})?"), name + ": a CIDR: " + c);
                    assertFalse(c.endsWith("/0"), name + ": " + c + " admits every address");
                    if (overlay.equals("production")) {
                        assertFalse(List.of("192.0.2.", "198.51.100.", "203.0.113.").stream().anyMatch(c::startsWith),
                                name + ": production names the administrators' network, not the base's placeholder " + c);
                    }
                }
                adminIngress |= ingress.getSpec().getRules().stream().anyMatch(rule -> adminHost.equals(rule.getHost()))
                        && ingress.getSpec().getTls() != null
                        && ingress.getSpec().getTls().stream().anyMatch(t -> t.getHosts().contains(adminHost));
                continue;
            }
            for (IngressRule rule : ingress.getSpec().getRules()) {
                assertNotEquals(adminHost, rule.getHost(), name + ": the admin console's host open to every address");
                for (HTTPIngressPath path : paths(rule)) {
                    assertTrue(path.getPathType() != null && Set.of("Prefix", "Exact").contains(path.getPathType()), name + ": " + path.getPath() + " is a prefix or exact path");
                    assertTrue(List.of("/realms", "/resources").stream()
                            .anyMatch(p -> path.getPath().equals(p) || path.getPath().startsWith(p + "/")), name + ": routes " + path.getPath());
                }
                for (String admin : List.of("/admin", "/admin/", "/admin/master/console/", "/admin/realms/tumorboard/users")) {
                    assertFalse(routes(ingress, rule.getHost(), admin, keycloakService), name + ": routes " + admin + " on " + rule.getHost());
                }
            }
            publicIngress |= routes(ingress, publicHost, "/realms/tumorboard/protocol/openid-connect/token", keycloakService)
                    && routes(ingress, publicHost, "/resources/x/login/keycloak.v2/css/styles.css", keycloakService);
        }
        assertTrue(publicIngress, overlay + ": an Ingress routes /realms and /resources on Keycloak's public host " + publicHost);
        assertTrue(adminIngress, overlay + ": an Ingress serves the admin console's host " + adminHost + " (TLS), to a source range only");
    }

    /**
     * Every allow to Keycloak, Kafka and PostgreSQL names its ports: the egress rules that may reach their pods and the
     * ingress rules that admit to them; each of them has ingress rules of its own, and the policies their operators
     * generate open nothing wider (Keycloak's is off; Strimzi's opens a listener to every source unless it names peers).
     */
    @ParameterizedTest
    @ValueSource(strings = { "dev", "production" })
    void everyAllowToKeycloakKafkaAndPostgresNamesItsPorts(String overlay) {
        Manifests.Rendered r = Manifests.rendered(overlay);
        Map<String, Endpoint> pods = pods(r);
        List<Endpoint> targets = pods.values().stream()
                .filter(p -> p.name().equals("keycloak") || p.name().startsWith("kafka node") || p.name().startsWith("postgres")).toList();
        List<String> unnamed = new ArrayList<>();
        for (NetworkPolicy p : r.all(NetworkPolicy.class)) {
            for (NetworkPolicyEgressRule rule : p.getSpec().getEgress()) {
                boolean reachesTarget = targets.stream().anyMatch(t -> t.namespace().equals(namespaceOf(p))
                        && (empty(rule.getTo()) || rule.getTo().stream().anyMatch(peer -> peerMatches(peer, namespaceOf(p), t, true))));
                if (reachesTarget && !namesPorts(rule.getPorts())) {
                    unnamed.add(p.getMetadata().getName() + ": egress " + rule.getTo());
                }
            }
            if (targets.stream().anyMatch(t -> appliesTo(p, "Ingress", t))) {
                for (NetworkPolicyIngressRule rule : p.getSpec().getIngress()) {
                    if (!namesPorts(rule.getPorts())) {
                        unnamed.add(p.getMetadata().getName() + ": ingress " + rule.getFrom());
                    }
                }
            }
        }
        assertEquals(List.of(), unnamed, overlay + ": rules to Keycloak, Kafka or PostgreSQL without ports");
        // the cluster's jobs accept nothing (they only connect out: nothingButTheNamedFlowsIsAllowedInsideTheNamespace)
        for (Endpoint target : targets.stream().filter(t -> !t.name().equals("postgres job")).toList()) {
            assertTrue(r.all(NetworkPolicy.class).stream().anyMatch(p -> !selectsEverything(p.getSpec().getPodSelector())
                    && appliesTo(p, "Ingress", target) && !empty(p.getSpec().getIngress())), overlay + ": ingress rules of its own for " + target);
        }
        assertEquals(Boolean.FALSE, enabled(r.keycloak().spec().networkPolicy()), overlay + ": the Keycloak operator's NetworkPolicy is off");
        for (var listener : r.kafka().getSpec().getKafka().getListeners()) {
            assertFalse(empty(listener.getNetworkPolicyPeers()),
                    overlay + ": listener " + listener.getName() + " names its peers, or Strimzi's policy opens port " + listener.getPort() + " to all");
        }
    }

    // ---- the pods of the namespace

    /**
     * The pods of the overlay's namespace, with their labels: the Deployments it renders and the pods the operators
     * create from its resources (and, as deploy/README.md installs them, the Strimzi and Keycloak operators' own).
     */
    static Map<String, Endpoint> pods(Manifests.Rendered r) {
        String ns = r.deployment(SERVICES.get(0)).getMetadata().getNamespace();
        Map<String, Endpoint> pods = new LinkedHashMap<>();
        for (Deployment d : r.all(Deployment.class)) {
            pods.put(d.getMetadata().getName(), Endpoint.pod(d.getMetadata().getName(), ns, d.getSpec().getTemplate().getMetadata().getLabels()));
        }
        String keycloak = r.keycloak().metadata().name();
        pods.put("keycloak", Endpoint.pod("keycloak", ns, Map.of("app", "keycloak", "app.kubernetes.io/managed-by", "keycloak-operator",
                "app.kubernetes.io/instance", keycloak, "app.kubernetes.io/component", "server")));
        // the realm import's Job: Keycloak's pod template, app relabelled so that Keycloak's Service does not select it
        pods.put("keycloak realm import", Endpoint.pod("keycloak realm import", ns, Map.of("app", "keycloak-realm-import",
                "app.kubernetes.io/managed-by", "keycloak-operator", "app.kubernetes.io/instance", keycloak)));
        pods.put("keycloak-operator", Endpoint.pod("keycloak-operator", ns, Map.of("app.kubernetes.io/name", "keycloak-operator",
                "app.kubernetes.io/managed-by", "quarkus")));
        String kafka = r.kafka().getMetadata().getName();
        for (KafkaNodePool pool : r.all(KafkaNodePool.class)) {
            Map<String, String> labels = new LinkedHashMap<>();
            if (pool.getMetadata().getLabels() != null) {
                labels.putAll(pool.getMetadata().getLabels());
            }
            labels.putAll(Map.of("strimzi.io/cluster", kafka, "strimzi.io/name", kafka + "-kafka", "strimzi.io/kind", "Kafka",
                    "strimzi.io/pool-name", pool.getMetadata().getName(), "strimzi.io/component-type", "kafka"));
            String name = "kafka node " + pool.getMetadata().getName();
            pods.put(name, Endpoint.pod(name, ns, labels));
        }
        if (r.kafka().getSpec().getEntityOperator() != null) {
            pods.put("entity-operator", Endpoint.pod("entity-operator", ns, Map.of("strimzi.io/cluster", kafka,
                    "strimzi.io/name", kafka + "-entity-operator", "strimzi.io/kind", "Kafka")));
        }
        pods.put("strimzi-cluster-operator", Endpoint.pod("strimzi-cluster-operator", ns, Map.of("name", "strimzi-cluster-operator",
                "strimzi.io/kind", "cluster-operator")));
        String db = r.cnpgCluster().metadata().name();
        pods.put("postgres", Endpoint.pod("postgres", ns, Map.of("cnpg.io/cluster", db, "cnpg.io/instanceName", db + "-1",
                "cnpg.io/podRole", "instance", "role", "primary", "cnpg.io/instanceRole", "primary")));
        pods.put("postgres job", Endpoint.pod("postgres job", ns, Map.of("cnpg.io/cluster", db, "cnpg.io/instanceName", db + "-2",
                "cnpg.io/jobRole", "join")));
        return pods;
    }

    // ---- NetworkPolicy semantics

    /** Whether a connection is allowed on both sides (the source's egress, the destination's ingress). */
    static boolean connects(Manifests.Rendered r, Endpoint from, Endpoint to, int port) {
        return egressAllowed(r, from, to, port, "TCP", false) && ingressAllowed(r, from, to, port, "TCP", false);
    }

    private static void expect(Manifests.Rendered r, Endpoint from, Endpoint to, int port, String protocol, List<String> denied,
            Set<String> named) {
        assertNotNull(from, "a pod of the flow");
        assertNotNull(to, "a pod of the flow");
        named.add(flow(from, to, port));
        String ns = r.deployment(SERVICES.get(0)).getMetadata().getNamespace();
        // the side in another namespace is its own policies' business
        boolean out = !ns.equals(from.namespace()) || egressAllowed(r, from, to, port, protocol, false);
        boolean in = !ns.equals(to.namespace()) || ingressAllowed(r, from, to, port, protocol, false);
        if (!out || !in) {
            denied.add(from + " -> " + to + ":" + port + "/" + protocol + (out ? "" : " (no egress rule)") + (in ? "" : " (no ingress rule)"));
        }
    }

    /**
     * Whether a policy selecting the source allows it out to the destination. Conservative: an IP block may hold a pod's
     * address and a named port may be the one asked for (true); otherwise neither counts.
     */
    static boolean egressAllowed(Manifests.Rendered r, Endpoint from, Endpoint to, int port, String protocol, boolean conservative) {
        return r.all(NetworkPolicy.class).stream().filter(p -> appliesTo(p, "Egress", from))
                .flatMap(p -> p.getSpec().getEgress().stream().map(rule -> Map.entry(p, rule)))
                .anyMatch(e -> (empty(e.getValue().getTo())
                        || e.getValue().getTo().stream().anyMatch(peer -> peerMatches(peer, namespaceOf(e.getKey()), to, conservative)))
                        && portMatches(e.getValue().getPorts(), port, protocol, conservative));
    }

    /** Whether a policy selecting the destination admits the source. */
    static boolean ingressAllowed(Manifests.Rendered r, Endpoint from, Endpoint to, int port, String protocol, boolean conservative) {
        return r.all(NetworkPolicy.class).stream().filter(p -> appliesTo(p, "Ingress", to))
                .flatMap(p -> p.getSpec().getIngress().stream().map(rule -> Map.entry(p, rule)))
                .anyMatch(e -> (empty(e.getValue().getFrom())
                        || e.getValue().getFrom().stream().anyMatch(peer -> peerMatches(peer, namespaceOf(e.getKey()), from, conservative)))
                        && portMatches(e.getValue().getPorts(), port, protocol, conservative));
    }

    /** Whether the policy is of that type and selects the pod (a pod of the policy's namespace). */
    static boolean appliesTo(NetworkPolicy p, String type, Endpoint pod) {
        return pod.ip() == null && namespaceOf(p).equals(pod.namespace()) && types(p).contains(type)
                && selects(p.getSpec().getPodSelector(), pod.labels());
    }

    /** The policy's types; without any, Ingress, and Egress too when it has egress rules (as the API server defaults them). */
    static List<String> types(NetworkPolicy p) {
        if (!empty(p.getSpec().getPolicyTypes())) {
            return p.getSpec().getPolicyTypes();
        }
        return empty(p.getSpec().getEgress()) ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    static boolean peerMatches(NetworkPolicyPeer peer, String policyNamespace, Endpoint e, boolean conservative) {
        if (peer.getIpBlock() != null) {
            if (e.ip() == null) {
                return conservative;
            }
            return inCidr(e.ip(), peer.getIpBlock().getCidr())
                    && (peer.getIpBlock().getExcept() == null || peer.getIpBlock().getExcept().stream().noneMatch(x -> inCidr(e.ip(), x)));
        }
        if (e.ip() != null) {
            return false;
        }
        boolean namespace = peer.getNamespaceSelector() == null ? policyNamespace.equals(e.namespace())
                : selects(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", e.namespace()));
        return namespace && selects(peer.getPodSelector(), e.labels());
    }

    static boolean portMatches(List<NetworkPolicyPort> ports, int port, String protocol, boolean conservative) {
        if (empty(ports)) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            if (!protocol.equals(p.getProtocol() == null ? "TCP" : p.getProtocol())) {
                continue;
            }
            if (p.getPort() == null) {
                return true;
            }
            if (p.getPort().getIntVal() == null) {
                if (conservative) {
                    return true;
                }
                continue;
            }
            int first = p.getPort().getIntVal();
            int last = p.getEndPort() == null ? first : p.getEndPort();
            if (port >= first && port <= last) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesPorts(List<NetworkPolicyPort> ports) {
        return !empty(ports) && ports.stream().allMatch(p -> p.getPort() != null && p.getPort().getIntVal() != null);
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        Map<String, String> have = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null && !have.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement x : selector.getMatchExpressions()) {
                List<String> values = x.getValues() == null ? List.of() : x.getValues();
                boolean ok = switch (x.getOperator()) {
                    case "In" -> have.containsKey(x.getKey()) && values.contains(have.get(x.getKey()));
                    case "NotIn" -> !have.containsKey(x.getKey()) || !values.contains(have.get(x.getKey()));
                    case "Exists" -> have.containsKey(x.getKey());
                    case "DoesNotExist" -> !have.containsKey(x.getKey());
                    default -> throw new AssertionError("label selector operator " + x.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean selectsEverything(LabelSelector selector) {
        return selector == null || (empty(selector.getMatchLabels()) && empty(selector.getMatchExpressions()));
    }

    private static String namespaceOf(NetworkPolicy p) {
        return p.getMetadata().getNamespace();
    }

    private static boolean inCidr(String ip, String cidr) {
        if (ip.contains(":") || cidr.contains(":")) {
            return false;
        }
        String[] parts = cidr.split("/");
        int bits = parts.length == 1 ? 32 : Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (ipv4(ip) & mask) == (ipv4(parts[0]) & mask);
    }

    private static long ipv4(String ip) {
        long value = 0;
        for (String octet : ip.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }

    private static boolean empty(java.util.Collection<?> c) {
        return c == null || c.isEmpty();
    }

    private static boolean empty(Map<?, ?> m) {
        return m == null || m.isEmpty();
    }

    private static Boolean enabled(Manifests.KeycloakEnabled e) {
        return e == null ? null : e.enabled();
    }

    // ---- Ingress routing (ingress-nginx, Prefix and Exact paths)

    static List<HTTPIngressPath> paths(IngressRule rule) {
        return rule.getHttp() == null || rule.getHttp().getPaths() == null ? List.of() : rule.getHttp().getPaths();
    }

    /** Whether the Ingress sends that path on that host to the Service: Exact, or Prefix by whole path elements. */
    static boolean routes(Ingress ingress, String host, String path, String service) {
        for (IngressRule rule : ingress.getSpec().getRules()) {
            if (rule.getHost() != null && !rule.getHost().equals(host)) {
                continue;
            }
            for (HTTPIngressPath p : paths(rule)) {
                if (p.getBackend().getService() == null || !service.equals(p.getBackend().getService().getName())) {
                    continue;
                }
                String prefix = p.getPath() == null ? "/" : p.getPath();
                boolean matches = "Exact".equals(p.getPathType()) ? path.equals(prefix)
                        : prefix.equals("/") || path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")
                                // ImplementationSpecific: ingress-nginx treats it as a prefix (or a regex); counted as routing
                                || (!"Prefix".equals(p.getPathType()) && path.startsWith(prefix));
                if (matches) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The host of a hostname option: a bare host, or a URL. */
    static String host(String hostname) {
        return hostname.contains("://") ? URI.create(hostname).getHost() : hostname;
    }
}
