package io.plugboard.host.internal.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.plugboard.host.internal.events.StoredEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The delivery engine's metrics, in the Prometheus format at {@code /metrics}: events emitted per
 * type, attempts and finished deliveries by outcome and webhook, queue depth and age of the oldest
 * pending delivery, and the time from emit to a successful delivery. Attempts and deliveries also carry the
 * webhook's application ({@code app}: its id), for the first {@value #MAX_APP_LABELS} applications seen; later
 * ones share {@code other}, so a host with thousands of customers does not make thousands of series per webhook
 * count.
 */
public final class DeliveryMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer.Builder latency = Timer.builder("plugboard.delivery.latency")
            .description("Time from emit to a successful attempt")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofHours(1));

    /** The most distinct {@code app} label values; beyond, {@value #OTHER_APPS}. */
    static final int MAX_APP_LABELS = 100;
    static final String OTHER_APPS = "other";

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, String> appLabels = new ConcurrentHashMap<>();
    private final Map<String, String> appOfWebhook = new ConcurrentHashMap<>();
    private final Timer latencyTimer;

    public DeliveryMetrics(Jdbi jdbi, Supplier<Instant> now) {
        latencyTimer = latency.register(registry);
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
        counter("plugboard.events.emitted", "type", type, null, null).increment();
    }

    void attempted(String webhookId, String appId, StoredEvent event, SendResult result, Instant at) {
        String app = appLabel(appId);
        appOfWebhook.put(webhookId, app);
        counter("plugboard.delivery.attempts", "webhook", webhookId, "outcome", result.success() ? "success" : "failure",
                app).increment();
        if (result.success()) {
            latencyTimer.record(Duration.between(event.createdAt(), at.plusMillis(result.durationMs())));
        }
    }

    /** A delivery's end; its webhook's application is the one its attempts were counted under. */
    void finished(String webhookId, String status) {
        counter("plugboard.deliveries", "webhook", webhookId, "outcome", status,
                appOfWebhook.getOrDefault(webhookId, OTHER_APPS)).increment();
    }

    private String appLabel(String appId) {
        String known = appLabels.get(appId);
        if (known != null) {
            return known;
        }
        synchronized (appLabels) {
            return appLabels.computeIfAbsent(appId, id -> appLabels.size() < MAX_APP_LABELS ? id : OTHER_APPS);
        }
    }

    private Counter counter(String name, String k1, String v1, String k2, String v2) {
        return counter(name, k1, v1, k2, v2, null);
    }

    /** Counters are looked up once per name and tags, then kept: this runs for every attempt. */
    private Counter counter(String name, String k1, String v1, String k2, String v2, String app) {
        return counters.computeIfAbsent(name + '\u0000' + v1 + '\u0000' + v2 + '\u0000' + app, key -> {
            Counter.Builder b = Counter.builder(name).tag(k1, v1);
            b = k2 == null ? b : b.tag(k2, v2);
            return (app == null ? b : b.tag("app", app)).register(registry);
        });
    }

    /** @return the registry of these meters, for {@code Plugboard.meterRegistry()} */
    public MeterRegistry registry() {
        return registry;
    }

    /** @return every metric in the Prometheus text format */
    public String scrape() {
        return registry.scrape();
    }
}
