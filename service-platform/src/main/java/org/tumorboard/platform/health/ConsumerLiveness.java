package org.tumorboard.platform.health;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Whether the service's consumer can still do its work. It stops when the database keeps refusing it connections
 * (issue 24, item 5): instead of retrying for ever behind a healthy face, the service reports itself not live, so that
 * Kubernetes restarts it (its pods' liveness probe) and the operator sees why; the event it held is not committed and
 * comes again after the restart.
 */
@Liveness
@ApplicationScoped
public class ConsumerLiveness implements HealthCheck {

    static final String NAME = "Case event consumer";

    private record Stopped(String reason, Instant since) {
    }

    private final AtomicReference<Stopped> stopped = new AtomicReference<>();

    public void stop(String reason) {
        stopped.compareAndSet(null, new Stopped(reason, Instant.now()));
    }

    public boolean isStopped() {
        return stopped.get() != null;
    }

    @Override
    public HealthCheckResponse call() {
        Stopped s = stopped.get();
        if (s == null) {
            return HealthCheckResponse.named(NAME).up().build();
        }
        return HealthCheckResponse.named(NAME).down().withData("reason", s.reason()).withData("since", s.since().toString()).build();
    }
}
