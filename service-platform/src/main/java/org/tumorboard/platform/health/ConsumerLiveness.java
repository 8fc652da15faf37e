package org.tumorboard.platform.health;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Whether the service's consumer can still do its work. It stops when the database keeps refusing it connections
 * (issue 24, item 5): instead of retrying for ever behind a healthy face, the service reports itself not live, so that
 * Kubernetes restarts it (its pods' liveness probe) and the operator sees why; the event it held is not committed and
 * comes again after the restart. The outbox relay stops it the same way (its events stay in the outbox until then).
 */
@Liveness
@ApplicationScoped
public class ConsumerLiveness implements HealthCheck {

    static final String NAME = "Case event consumer";

    private record Stopped(String reason, Instant since) {
    }

    /** What stopped, by part: {@code reason} the consumer, {@code relay} the outbox relay. The first reason of each stays. */
    private final Map<String, Stopped> stopped = new ConcurrentHashMap<>();

    /** The consumer stops. */
    public void stop(String reason) {
        stopped.putIfAbsent("reason", new Stopped(reason, Instant.now()));
    }

    /** The outbox relay cannot go on: its events stay in the outbox, published after the restart. */
    public void stopRelay(String reason) {
        stopped.putIfAbsent("relay", new Stopped(reason, Instant.now()));
    }

    public boolean isStopped() {
        return stopped.containsKey("reason");
    }

    @Override
    public HealthCheckResponse call() {
        if (stopped.isEmpty()) {
            return HealthCheckResponse.named(NAME).up().build();
        }
        HealthCheckResponseBuilder down = HealthCheckResponse.named(NAME).down();
        new TreeMap<>(stopped).forEach((part, s) -> down.withData(part, s.reason())
                .withData("reason".equals(part) ? "since" : part + "Since", s.since().toString()));
        return down.build();
    }
}
