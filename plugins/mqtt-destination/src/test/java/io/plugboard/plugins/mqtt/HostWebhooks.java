package io.plugboard.plugins.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.DeliverySettings;
import io.plugboard.sdk.EventType;
import io.plugboard.testkit.HostApi;
import io.plugboard.testkit.PluginHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The IT's view of a real host running the built jar: one event type to emit, a retry schedule fast and
 * long enough to fix a broken destination between attempts, and the webhook and delivery API calls.
 */
final class HostWebhooks {

    static final String ORDER_PAID = "order.paid";
    static final Duration WAIT = Duration.ofSeconds(20);

    /**
     * 40 retries 250 ms apart: failures show within a second, and there are ~10 s to fix them. The request
     * timeout stays above the destinations' own 10 s send budget, so the plugin's reason is what is logged.
     */
    private static final DeliverySettings RETRY_QUICKLY = DeliverySettings.defaults().toBuilder()
            .retrySchedule(Collections.nCopies(40, Duration.ofMillis(250))).jitter(0)
            .requestTimeout(Duration.ofSeconds(15)).drainTimeout(Duration.ofSeconds(2)).build();

    private HostWebhooks() {}

    /** @return a host with the jar failsafe gave as {@code plugin.jar} and the {@code order.paid} type */
    static PluginHarness start() {
        EventType orderPaid = EventType.builder(ORDER_PAID).name("Order paid").group("Shop")
                .sample("{\"order_id\":\"ord_1\",\"amount\":\"12.50\",\"customer\":{\"email\":\"ann@example.com\"}}")
                .build();
        return PluginHarness.builder().jar(Path.of(System.getProperty("plugin.jar")))
                .host(h -> h.eventType(orderPaid).delivery(RETRY_QUICKLY)).start();
    }

    /** @return the created webhook, with its secret, delivering {@code order.paid} to the destination */
    static JsonNode create(HostApi api, String type, Map<String, String> settings) {
        return api.post("/api/v1/webhooks", Map.of("name", "IT " + type, "events", List.of(ORDER_PAID),
                "destination", Map.of("type", type, "settings", settings))).expect(201).json();
    }

    static void changeSettings(HostApi api, String webhookId, String type, Map<String, String> settings) {
        api.patch("/api/v1/webhooks/" + webhookId, Map.of("destination", Map.of("type", type, "settings", settings)))
                .expect(200);
    }

    /** @return the webhook's deliveries, newest first */
    static JsonNode deliveries(HostApi api, String webhookId) {
        return api.get("/api/v1/webhooks/" + webhookId + "/deliveries").expect(200).json().path("data");
    }

    /** @return the attempts of one delivery, oldest first, each with its {@code error} */
    static JsonNode attempts(HostApi api, String deliveryId) {
        return api.get("/api/v1/deliveries/" + deliveryId).expect(200).json().path("attempts");
    }

    /** @return the webhook's count of failed attempts */
    static int failedAttempts(HostApi api, String webhookId) {
        return api.get("/api/v1/webhooks/" + webhookId).expect(200).json().path("deliveries_failed").asInt();
    }

    /** Polls until the value satisfies the condition, failing with the last value after {@link #WAIT}. */
    static <T> T await(String what, Supplier<T> value, Predicate<T> done) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not " + what + " within " + WAIT + "; last seen: " + last);
            }
            pause();
            last = value.get();
        }
        return last;
    }

    /** The poll interval between two looks at the API; the wait itself is bounded by the deadline. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while polling", e);
        }
    }
}
