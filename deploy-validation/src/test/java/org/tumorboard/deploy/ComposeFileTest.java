package org.tumorboard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tumorboard.deploy.Manifests.SERVICES;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

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
        for (String owner : new String[] { "intake", "pathology", "staging", "board", "keycloak" }) {
            assertTrue(init.contains(owner), "init-databases.sh creates " + owner);
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
            assertEquals(KubernetesManifestsTest.environmentReadBy(s), names, s);
            assertTrue(service.path("ports").get(0).asText().endsWith(":8080"));
            for (String dependency : new String[] { "kafka", "postgres", "keycloak" }) {
                assertTrue(service.path("depends_on").has(dependency), s + " waits for " + dependency);
            }
            assertTrue(service.path("environment").path(s.toUpperCase() + "_DB_URL").asText().endsWith("/" + s), s + "'s own database");
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
        for (String s : SERVICES) {
            assertTrue(web.path("depends_on").has(s + "-service"), "the web app waits for " + s);
            assertEquals("http://" + s + "-service:8080", web.path("environment").path(s.toUpperCase() + "_URL").asText());
        }
    }
}
