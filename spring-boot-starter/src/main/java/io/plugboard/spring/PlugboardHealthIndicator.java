package io.plugboard.spring;

import io.plugboard.host.HostHealth;
import io.plugboard.host.Plugboard;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The host's health in Actuator's {@code /actuator/health} (component {@code plugboard}): {@code UP}
 * when all is well; {@code OUT_OF_SERVICE} while a background worker fails (events are accepted but
 * may not be delivered until it recovers); {@code DOWN} while the database does not answer, or if the
 * host is not running. The details carry the host's status, instance id, queue lag and problems.
 * Both answer 503 by default; {@code management.endpoint.health.status.http-mapping.out-of-service}
 * changes that for a degraded host.
 */
public class PlugboardHealthIndicator extends AbstractHealthIndicator {

    private final Plugboard host;

    /** @param host the host to report on */
    public PlugboardHealthIndicator(Plugboard host) {
        super("Plugboard health check failed");
        this.host = host;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        HostHealth health = host.health();
        Status status = switch (health.status()) {
            case OK -> Status.UP;
            case DEGRADED -> Status.OUT_OF_SERVICE;
            case UNAVAILABLE -> Status.DOWN;
        };
        builder.status(status)
                .withDetail("status", health.status().name().toLowerCase())
                .withDetail("instance_id", health.instanceId())
                .withDetail("queue_lag_ms", health.queueLagMs());
        if (!health.problems().isEmpty()) {
            builder.withDetail("problems", problems(health.problems()));
        }
    }

    private static List<Map<String, Object>> problems(List<HostHealth.Problem> problems) {
        return problems.stream().<Map<String, Object>>map(p -> Map.of("component", p.component(), "error", p.error(),
                "since", p.since().toString(), "failures", p.failures())).toList();
    }
}
