package io.plugboard.sdk.hooks;

import java.util.Objects;

/**
 * The value of {@link CoreHooks#OUTGOING_PAYLOAD}: the {@code data} of one event about to be sent to
 * one webhook. A filter returns {@link #withData(String)} to send other data; it must be a JSON
 * object, or the host sends the data unchanged and logs why. The envelope's {@code id}, {@code type}
 * and {@code timestamp} cannot be changed. The signature is computed over what is finally sent.
 *
 * @param eventId the event's id
 * @param eventType the event type's key
 * @param webhookId the webhook it is sent to
 * @param data the event's data as JSON text
 */
public record OutgoingPayload(String eventId, String eventType, String webhookId, String data) {

    /** Checks that the data is present. */
    public OutgoingPayload {
        Objects.requireNonNull(data, "data");
    }

    /** @param json a JSON object @return this payload with other data */
    public OutgoingPayload withData(String json) {
        return new OutgoingPayload(eventId, eventType, webhookId, json);
    }
}
