package io.plugboard.plugins.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.DeliverySettings;
import io.plugboard.sdk.EventType;
import io.plugboard.sdk.WebhookVerifier;
import io.plugboard.testkit.HostApi;
import io.plugboard.testkit.PluginHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What the tests through a real host share: a host running the shaded jar from {@code target/}, webhooks
 * to RabbitMQ made through its REST API, the delivery log read back, bounded waits, and the check that a
 * message is the signed standard envelope of its event.
 */
final class ThroughHost {

    static final String EVENT = "order_paid";
    static final EventType ORDER_PAID = EventType.builder(EVENT).name("Order paid").group("Shop")
            .sample("{\"order_id\":\"ord_1\"}").build();

    /** Many quick retries: a test that breaks a delivery sees attempts fail and fixes it before the host gives up. */
    static final DeliverySettings RETRIES = DeliverySettings.defaults().toBuilder()
            .retrySchedule(Collections.nCopies(40, Duration.ofMillis(200))).jitter(0)
            .requestTimeout(Duration.ofSeconds(12)).drainTimeout(Duration.ofSeconds(2)).build();

    private static final ObjectMapper JSON = new ObjectMapper();

    private ThroughHost() {}

    /** @return the shaded plugin jar that {@code package} built (failsafe passes its path) */
    static Path pluginJar() {
        return Path.of(System.getProperty("plugin.jar"));
    }

    /** @return a host with the shaded jar, the event type {@value #EVENT} and {@link #RETRIES} */
    static PluginHarness start() {
        return PluginHarness.builder().jar(pluginJar()).host(h -> h.eventType(ORDER_PAID).delivery(RETRIES)).start();
    }

    /** @return the webhook the API created (with its {@code id} and {@code secret}) for {@value #EVENT} */
    static JsonNode createWebhook(HostApi api, Map<String, String> settings) {
        return api.post("/api/v1/webhooks", Map.of("name", TestBroker.unique("to RabbitMQ"), "events", List.of(EVENT),
                "destination", Map.of("type", "rabbitmq", "settings", settings))).expect(201).json();
    }

    /** @return the webhook's deliveries, newest first */
    static JsonNode deliveries(HostApi api, String webhookId) {
        return api.get("/api/v1/webhooks/" + webhookId + "/deliveries").expect(200).json().path("data");
    }

    /** @return the attempts of a delivery, oldest first */
    static JsonNode attempts(HostApi api, String deliveryId) {
        return api.get("/api/v1/deliveries/" + deliveryId).expect(200).json().path("attempts");
    }

    /** Reads {@code probe} until {@code done} holds, at most {@code limit}; polls often at first, then every 50 ms. */
    static <T> T await(String what, Duration limit, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + limit.toNanos();
        long pause = 5;
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit.toMillis() + " ms: " + what + "; last seen: " + value);
            }
            try {
                Thread.sleep(pause); // the pause between two polls, not a wait for the condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            pause = Math.min(pause * 2, 50);
        }
    }

    /**
     * Checks a message: the standard envelope {@code {"id","type","timestamp","data"}} of the event, and
     * Standard Webhooks headers whose signature the SDK's verifier accepts with the webhook's secret.
     *
     * @param header a message header by name, or null
     */
    static void assertSignedEnvelope(byte[] body, UnaryOperator<String> header, String secret, String eventId,
                                     Map<String, ?> data) {
        JsonNode envelope = read(body);
        assertThat(envelope.fieldNames()).toIterable().containsExactly("id", "type", "timestamp", "data");
        assertThat(envelope.path("id").asText()).isEqualTo(eventId);
        assertThat(envelope.path("type").asText()).isEqualTo(EVENT);
        assertThat(Instant.parse(envelope.path("timestamp").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(envelope.path("data")).isEqualTo(JSON.valueToTree(data));
        assertThat(header.apply("webhook-id")).isEqualTo(eventId);
        assertThat(WebhookVerifier.forSecret(secret).verify(header.apply("webhook-id"), header.apply("webhook-timestamp"),
                header.apply("webhook-signature"), body, Instant.now(), WebhookVerifier.DEFAULT_TOLERANCE))
                .isEqualTo(eventId);
    }

    private static JsonNode read(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("the message body is not JSON", e);
        }
    }
}
