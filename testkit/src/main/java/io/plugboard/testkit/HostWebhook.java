package io.plugboard.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A webhook created through the host's REST API in a test — to a plugin's destination, with a plugin's
 * payload format, or to any URL — and what the API tells about it: its deliveries and their attempts.
 * Made by {@link PluginHarness#createWebhook} or {@link PluginHarness#destinationWebhook}.
 */
public final class HostWebhook {

    private final HostApi api;
    private final JsonNode created;

    HostWebhook(HostApi api, JsonNode created) {
        this.api = api;
        this.created = created;
    }

    /** @return the webhook's id, {@code wh_…} */
    public String id() {
        return created.path("id").asText();
    }

    /** @return its signing secret, {@code whsec_…}, as the API answered it at creation */
    public String secret() {
        return created.path("secret").asText();
    }

    /** @return the API's answer to the creation */
    public JsonNode created() {
        return created;
    }

    /** @return the webhook as the API shows it now */
    public JsonNode current() {
        return api.get("/api/v1/webhooks/" + id()).expect(200).json();
    }

    /** @return its deliveries, newest first, each with {@code id}, {@code event_id}, {@code status} */
    public JsonNode deliveries() {
        return api.get("/api/v1/webhooks/" + id() + "/deliveries").expect(200).json().path("data");
    }

    /** @param deliveryId one of {@link #deliveries()} @return its attempts, oldest first, each with its {@code error} */
    public JsonNode attempts(String deliveryId) {
        return api.get("/api/v1/deliveries/" + deliveryId).expect(200).json().path("attempts");
    }

    /** @return how many of its attempts failed so far */
    public int failedAttempts() {
        return current().path("deliveries_failed").asInt();
    }

    /**
     * Changes where the webhook delivers, as {@code PATCH /api/v1/webhooks/{id}} does.
     *
     * @param type a destination type, e.g. {@code rabbitmq}
     * @param settings its settings
     * @throws AssertionError if the host refuses them
     */
    public void changeDestination(String type, Map<String, ?> settings) {
        api.patch("/api/v1/webhooks/" + id(), Map.of("destination", Map.of("type", type, "settings", settings)))
                .expect(200);
    }

    /**
     * Sends a test event through the webhook now, as the admin's *Send test* does.
     *
     * @return the answer: {@code success}, {@code event_id}, {@code status_code}, {@code response_body}, …
     */
    public JsonNode sendTest() {
        return api.post("/api/v1/webhooks/" + id() + "/test", "").expect(200).json();
    }

    /** @return what {@code POST /api/v1/webhooks/preview} shows it would send for the event type's sample */
    public JsonNode preview(String eventType) {
        return api.post("/api/v1/webhooks/preview", Map.of("webhook_id", id(), "event", eventType)).expect(200).json();
    }

    /**
     * @param what what is awaited, for the failure message
     * @param limit how long to wait at most
     * @param done true when the deliveries are as awaited
     * @return the deliveries, newest first, once {@code done} holds
     */
    public JsonNode awaitDeliveries(String what, Duration limit, Predicate<JsonNode> done) {
        return Await.until(what, limit, this::deliveries, done);
    }

    /**
     * @param eventId an event id from {@code emit…}
     * @param limit how long to wait at most
     * @return the delivery of that event once it succeeded
     */
    public JsonNode awaitSucceeded(String eventId, Duration limit) {
        JsonNode deliveries = awaitDeliveries("a succeeded delivery of " + eventId, limit, all -> find(all, eventId) != null
                && "succeeded".equals(find(all, eventId).path("status").asText()));
        return find(deliveries, eventId);
    }

    private static JsonNode find(JsonNode deliveries, String eventId) {
        for (JsonNode delivery : deliveries) {
            if (eventId.equals(delivery.path("event_id").asText())) {
                return delivery;
            }
        }
        return null;
    }
}
