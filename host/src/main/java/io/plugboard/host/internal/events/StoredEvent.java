package io.plugboard.host.internal.events;

import io.plugboard.host.internal.common.DefaultApp;
import java.time.Instant;

/**
 * An event as stored: its {@code data} is kept as the JSON text it was accepted as.
 *
 * @param source who emitted it: {@code api}, {@code app}, {@code plugin:<id>} or {@code test}
 * @param traceparent the W3C trace context of the span that emitted it, or null
 * @param appId the application whose webhooks it reaches, or null for a broadcast (every application's)
 */
public record StoredEvent(String id, String type, String data, String source, Instant createdAt, String traceparent,
                          String appId) {

    public StoredEvent(String id, String type, String data, String source, Instant createdAt) {
        this(id, type, data, source, createdAt, null, DefaultApp.ID);
    }

    public StoredEvent(String id, String type, String data, String source, Instant createdAt, String traceparent) {
        this(id, type, data, source, createdAt, traceparent, DefaultApp.ID);
    }

    /** @return this event with other data (what the outgoing filters made of it), the rest kept */
    public StoredEvent withData(String other) {
        return new StoredEvent(id, type, other, source, createdAt, traceparent, appId);
    }
}
