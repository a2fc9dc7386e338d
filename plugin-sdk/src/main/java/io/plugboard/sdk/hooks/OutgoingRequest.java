package io.plugboard.sdk.hooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The value of {@link CoreHooks#DELIVERY_SENDING}: one attempt's body and extra headers, after the
 * payload format rendered them and <em>before</em> the host signs: the signature covers the body a
 * filter returns. The host's own headers ({@code webhook-*}, {@code Content-Type}, {@code User-Agent},
 * {@code Authorization}) are set after the filter and cannot be changed by it.
 *
 * @param eventId the event's id
 * @param eventType the event type's key
 * @param webhookId the webhook it is sent to
 * @param headers the format's and webhook's extra headers
 * @param body the body as text (UTF-8)
 */
public record OutgoingRequest(String eventId, String eventType, String webhookId, Map<String, String> headers,
                              String body) {

    /** Copies the headers. */
    public OutgoingRequest {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** @param name a header @param value its value @return this request with the header set */
    public OutgoingRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new OutgoingRequest(eventId, eventType, webhookId, more, body);
    }

    /** @param text the new body @return this request with another body (signed as returned) */
    public OutgoingRequest withBody(String text) {
        return new OutgoingRequest(eventId, eventType, webhookId, headers, text);
    }
}
