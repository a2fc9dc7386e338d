package io.plugboard.sdk.outbound;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One message for a {@link Destination} to deliver: one attempt of one event to one webhook, with the body
 * rendered in the webhook's payload format and signed.
 *
 * @param webhookId the webhook's id ({@code wh_…})
 * @param eventId the event's id ({@code evt_…}), the same for every attempt: use it for de-duplication
 *     (e.g. {@code Nats-Msg-Id}, an AMQP {@code message-id})
 * @param eventType the event type's key, e.g. {@code payment_received}
 * @param emittedAt when the event was emitted
 * @param attempt 1 for the first attempt, then 2, 3, …
 * @param contentType the body's content type, e.g. {@code application/json}
 * @param body the exact bytes the signature covers; send them unchanged
 * @param headers what an HTTP webhook would receive as headers besides the content type: the Standard
 *     Webhooks {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature}, and the webhook's
 *     custom headers; send them as the message's headers or properties where the destination has them
 * @param settings the webhook's values of {@link Destination#settings()}, defaults applied, secrets opened
 */
public record OutgoingMessage(String webhookId, String eventId, String eventType, Instant emittedAt, int attempt,
                              String contentType, byte[] body, Map<String, String> headers,
                              Map<String, String> settings) {

    /** Checks every part is given, and copies the maps. */
    public OutgoingMessage {
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(emittedAt, "emittedAt");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
        settings = Map.copyOf(settings);
    }

    /** @return the body as UTF-8 text */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * @param key a setting's key
     * @return its value, or null when it has none
     */
    public String setting(String key) {
        return settings.get(key);
    }

    /**
     * Fills a name pattern from a setting, such as a routing key, subject or topic: {@code {{type}}} becomes
     * the event type, {@code {{id}}} the event id, {@code {{webhook_id}}} the webhook's id. Other text is
     * kept as written.
     *
     * @param pattern e.g. {@code plugboard.{{type}}}
     * @return e.g. {@code plugboard.payment_received}
     */
    public String expand(String pattern) {
        return pattern.replace("{{type}}", eventType).replace("{{id}}", eventId).replace("{{webhook_id}}", webhookId);
    }
}
