package org.tumorboard.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local stack of bin/run as the benchmark reaches it: the services' URLs, their databases on the one PostgreSQL
 * server, and the demo users' Keycloak tokens (password grant of the dev realm's {@code tumorboard-cli}), cached per
 * user and renewed well before they expire.
 */
final class Stack {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> SERVICES = List.of("intake", "pathology", "staging", "board");

    final String kafka = "127.0.0.1:" + env("KAFKA_PORT", "9092");
    final String postgres = "127.0.0.1:" + env("POSTGRES_PORT", "5432");
    final String keycloak = "http://127.0.0.1:" + env("KEYCLOAK_PORT", "8180");
    final String intake = env("INTAKE_URL", "http://127.0.0.1:8081");
    final String pathology = env("PATHOLOGY_URL", "http://127.0.0.1:8082");
    final String staging = env("STAGING_URL", "http://127.0.0.1:8083");
    final String board = env("BOARD_URL", "http://127.0.0.1:8084");
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new HashMap<>();

    private record Token(String value, Instant renewAfter) {
    }

    /** An answer: its status and its body as JSON (empty when the body is not JSON). */
    record Answer(int status, JsonNode body, String text) {
    }

    Connection db(String service) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + postgres + "/" + service, service, service);
    }

    Answer send(String user, String method, String url, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token(user))
                .timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = answer.body().isBlank() ? JSON.missingNode() : JSON.readTree(answer.body());
        } catch (IOException notJson) {
            json = JSON.missingNode();
        }
        return new Answer(answer.statusCode(), json, answer.body());
    }

    /** Sends and requires the expected status; anything else is an error of the run, with what was answered. */
    JsonNode call(String user, String method, String url, String body, int expected) throws IOException, InterruptedException {
        Answer answer = send(user, method, url, body);
        if (answer.status() != expected) {
            throw new IllegalStateException(user + " " + method + " " + url + " answered " + answer.status() + ": " + answer.text());
        }
        return answer.body();
    }

    synchronized String token(String user) throws IOException, InterruptedException {
        Token token = tokens.get(user);
        if (token != null && Instant.now().isBefore(token.renewAfter())) {
            return token.value();
        }
        String form = "grant_type=password&client_id=tumorboard-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/tumorboard/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(answer.body());
        if (answer.statusCode() != 200 || !body.hasNonNull("access_token")) {
            throw new IllegalStateException("Keycloak login of " + user + " answered " + answer.statusCode());
        }
        long lifetime = body.path("expires_in").asLong(300);
        tokens.put(user, new Token(body.get("access_token").asText(), Instant.now().plusSeconds(lifetime / 2)));
        return body.get("access_token").asText();
    }

    /** Waits for a condition the services reach through events (checked every 50 ms); fails after the timeout. */
    static void await(String what, Duration timeout, Check check) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!check.met()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("not reached within " + timeout.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }

    interface Check {
        boolean met() throws Exception;
    }

    static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1_000_000.0;
    }

    /** A query parameter's value, URL-encoded. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
