package io.plugboard.sdk.outbound;

import io.plugboard.sdk.json.Json;
import io.plugboard.sdk.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One event as a {@link PayloadFormat} renders it for one webhook.
 *
 * @param eventId the event's id ({@code evt_…})
 * @param eventType the event type's key, e.g. {@code payment_received}
 * @param emittedAt when the event was emitted
 * @param source who emitted it: a plugin's id, {@code api}, {@code app}, {@code test}, …
 * @param data the event's data as JSON text (an object), after the {@code outgoing_payload} filters
 * @param webhookId the webhook's id, or {@code wh_preview} while a form is previewed
 * @param settings the webhook's values of {@link PayloadFormat#settings()}, defaults applied, secrets opened
 */
public record OutgoingEvent(String eventId, String eventType, Instant emittedAt, String source, String data,
                            String webhookId, Map<String, String> settings) {

    /** Checks every part is given, and copies the settings. */
    public OutgoingEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(emittedAt, "emittedAt");
        Objects.requireNonNull(data, "data");
        settings = Map.copyOf(settings);
    }

    /** @return {@link #data()} read as an object, e.g. to pick fields for a chat message */
    public JsonObject dataObject() {
        return Json.parseObject(data);
    }

    /**
     * @return the event type's key in words, e.g. {@code Payment received} for {@code payment_received}
     *     or {@code invoice.paid} → {@code Invoice paid}: a title for chat messages
     */
    public String typeInWords() {
        String words = eventType.replaceAll("[._-]+", " ").trim();
        return words.isEmpty() ? eventType : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
