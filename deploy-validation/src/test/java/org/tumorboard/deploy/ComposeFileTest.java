package org.tumorboard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tumorboard.deploy.Manifests.SERVICES;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.tumorboard.events.Topics;

import com.fasterxml.jackson.databind.JsonNode;

/** deploy/compose/compose.yaml names the same environment as the services read and the Kubernetes manifests set. */
class ComposeFileTest {

    private static final JsonNode COMPOSE = Manifests.readYaml(Manifests.ROOT.resolve("deploy/compose/compose.yaml"));

    @Test
    void theInfrastructureComesFromTheOfficialImages() throws IOException {
        JsonNode services = COMPOSE.path("services");
        assertTrue(services.path("kafka").path("image").asText().startsWith("apache/kafka:"));
        assertEquals("broker,controller", services.path("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asText(), "KRaft");
        assertTrue(services.path("postgres").path("image").asText().startsWith("postgres:"));
        String pom = Files.readString(Manifests.ROOT.resolve("pom.xml"));
        String keycloakVersion = pom.replaceAll("(?s).*<keycloak.version>([^<]+)</keycloak.version>.*", "$1");
        assertEquals("quay.io/keycloak/keycloak:" + keycloakVersion, services.path("keycloak").path("image").asText(),
                "the Keycloak bin/run and the system tests run");
        assertTrue(services.path("keycloak").path("volumes").get(0).asText().startsWith("../keycloak/tumorboard-realm.json:"));
        String init = Files.readString(Manifests.ROOT.resolve("deploy/compose/init-databases.sh"));
        for (String owner : SERVICES) {
            assertTrue(init.lines().anyMatch(l -> l.startsWith("for service in ") && List.of(l.split("[\\s;]+")).contains(owner)),
                    "init-databases.sh creates " + owner + "'s database and roles");
        }
        assertTrue(init.contains("CREATE DATABASE keycloak"), "init-databases.sh creates keycloak's database");
    }

    /**
     * Issue 22, item 1: the compose broker authenticates (SCRAM-SHA-512) and authorizes (StandardAuthorizer, nothing
     * allowed without an ACL); its set-up script grants each service exactly its topics and group, as case-events
     * Topics and the Kubernetes KafkaUsers say (a read model, fhir-service, no topic of its own: "-"); each service logs
     * in as itself.
     */
    @Test
    void theBrokerAuthenticatesAndEachServiceIsGrantedOnlyItsTopics() throws IOException {
        JsonNode kafka = COMPOSE.path("services").path("kafka");
        JsonNode env = kafka.path("environment");
        assertTrue(env.path("KAFKA_ADVERTISED_LISTENERS").asText().contains("SASL_PLAINTEXT://kafka:9092"));
        assertTrue(env.path("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").asText().contains("SASL_PLAINTEXT:SASL_PLAINTEXT"));
        assertTrue(env.path("KAFKA_LISTENERS").asText().contains("SETUP://127.0.0.1:"), "the plaintext set-up listener is loopback only");
        assertTrue(env.path("KAFKA_LISTENERS").asText().contains("CONTROLLER://127.0.0.1:"), "so is the plaintext controller");
        assertTrue(env.path("KAFKA_LISTENER_NAME_SASL__PLAINTEXT_SCRAM___SHA___512_SASL_JAAS_CONFIG").asText()
                .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required"), "the broker's SCRAM login module");
        assertEquals("SCRAM-SHA-512", env.path("KAFKA_SASL_ENABLED_MECHANISMS").asText());
        assertEquals("org.apache.kafka.metadata.authorizer.StandardAuthorizer", env.path("KAFKA_AUTHORIZER_CLASS_NAME").asText());
        assertEquals("false", env.path("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND").asText());
        String script = Files.readString(Manifests.ROOT.resolve("deploy/compose/kafka-setup.sh"));
        for (String s : SERVICES) {
            String service = s + "-service";
            String grant = script.lines().filter(l -> l.startsWith("grant " + service + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("kafka-setup.sh grants nothing to " + service));
            List<String> words = List.of(grant.split("\\s+"));
            assertEquals(Topics.SERVICES.contains(service) ? Topics.ownedBy(service) : "-", words.get(2),
                    service + " writes its own topic, a read model none");
            assertTrue(script.contains(Topics.deadLetter(service)), "kafka-setup.sh creates " + Topics.deadLetter(service));
            String password = s.toUpperCase() + "_KAFKA_PASSWORD";
            assertTrue(script.lines().anyMatch(l -> l.equals("user " + service + " \"$" + password + "\"")), service + "'s user");
            assertTrue(env.has(password), "the broker's container gets " + password);
            assertEquals(new TreeSet<>(Topics.consumedBy(service)), new TreeSet<>(words.subList(3, words.size())), service + " reads");
            JsonNode serviceEnv = COMPOSE.path("services").path(service).path("environment");
            assertEquals(service, serviceEnv.path("TUMORBOARD_KAFKA_USER").asText());
            assertEquals("SASL_PLAINTEXT", serviceEnv.path("KAFKA_SECURITY_PROTOCOL").asText());
        }
    }

    @Test
    void eachServiceGetsExactlyTheEnvironmentItReads() {
        for (String s : SERVICES) {
            JsonNode service = COMPOSE.path("services").path(s + "-service");
            assertEquals("tumorboard/" + s + "-service:0.1.0", service.path("image").asText());
            Set<String> names = new TreeSet<>();
            for (Iterator<String> it = service.path("environment").fieldNames(); it.hasNext();) {
                names.add(it.next());
            }
            assertEquals("8080", service.path("environment").path("QUARKUS_HTTP_PORT").asText());
            names.remove("QUARKUS_HTTP_PORT");
            // read by the platform's configuration, for every service (issue 24: the network's sites)
            assertTrue(names.remove("TUMORBOARD_NETWORK_SITE_LIST"), s + " gets the network's sites");
            assertEquals(KubernetesManifestsTest.environmentReadBy(s), names, s);
            assertTrue(service.path("ports").get(0).asText().endsWith(":8080"));
            for (String dependency : new String[] { "kafka", "postgres", "keycloak" }) {
                assertTrue(service.path("depends_on").has(dependency), s + " waits for " + dependency);
            }
            assertTrue(service.path("environment").path(s.toUpperCase() + "_DB_URL").asText().endsWith("/" + s), s + "'s own database");
            for (String callee : Manifests.CALLS.getOrDefault(s, List.of())) {
                assertEquals("http://" + callee + "-service:8080", service.path("environment").path(callee.toUpperCase() + "_URL").asText(),
                        s + " calls " + callee + " inside the network");
            }
        }
    }

    @Test
    void theWebAppGetsExactlyTheEnvironmentItReadsAndWaitsForTheServices() {
        JsonNode web = COMPOSE.path("services").path("web-app");
        assertEquals("tumorboard/web-app:0.1.0", web.path("image").asText());
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = web.path("environment").fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        names.remove("QUARKUS_HTTP_PORT");
        assertEquals(Manifests.environmentRead("web-app"), names, "web-app");
        assertEquals("8080:8080", web.path("ports").get(0).asText(), "the port the realm's tumorboard-web client redirects to");
        for (String s : Manifests.CALLED_BY_WEB_APP) {
            assertTrue(web.path("depends_on").has(s + "-service"), "the web app waits for " + s);
            assertEquals("http://" + s + "-service:8080", web.path("environment").path(s.toUpperCase() + "_URL").asText());
        }
    }
}
