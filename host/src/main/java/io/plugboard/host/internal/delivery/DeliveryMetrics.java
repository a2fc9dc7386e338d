package io.plugboard.host.internal.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.plugboard.host.internal.events.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The delivery engine's metrics, in the Prometheus format at {@code /metrics}: events emitted per
 * type, attempts and finished deliveries by outcome and webhook, queue depth and age of the oldest
 * pending delivery, and the time from emit to a successful delivery.
 */
public final class DeliveryMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer.Builder latency = Timer.builder("plugboard.delivery.latency")
            .description("Time from emit to a successful attempt")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofHours(1));

    public DeliveryMetrics(Jdbi jdbi, Supplier<Instant> now) {
        Gauge.builder("plugboard.queue.depth", () -> jdbi.withHandle(h ->
                        h.createQuery("SELECT COUNT(*) FROM deliveries WHERE status = 'pending'").mapTo(Long.class).one()))
                .description("Deliveries waiting to be attempted or retried")
                .register(registry);
        Gauge.builder("plugboard.queue.oldest.age.seconds", () -> jdbi.withHandle(h ->
                        h.createQuery("SELECT MIN(created_at) FROM deliveries WHERE status = 'pending'")
                                .mapTo(Long.class).findOne()
                                .map(oldest -> (now.get().toEpochMilli() - oldest) / 1000.0).orElse(0.0)))
                .description("Age of the oldest pending delivery")
                .register(registry);
    }

    public void emitted(String type) {
        Counter.builder("plugboard.events.emitted").tag("type", type).register(registry).increment();
    }

    void attempted(String webhookId, StoredEvent event, SendResult result, Instant at) {
        String outcome = result.success() ? "success" : "failure";
        Counter.builder("plugboard.delivery.attempts").tag("webhook", webhookId).tag("outcome", outcome)
                .register(registry).increment();
        if (result.success()) {
            latency.register(registry).record(Duration.between(event.createdAt(), at.plusMillis(result.durationMs())));
        }
    }

    void finished(String webhookId, String status) {
        Counter.builder("plugboard.deliveries").tag("webhook", webhookId).tag("outcome", status)
                .register(registry).increment();
    }

    /** @return every metric in the Prometheus text format */
    public String scrape() {
        return registry.scrape();
    }
}
