package io.plugboard.host.internal.events;

import java.time.Instant;

/**
 * An event as stored: its {@code data} is kept as the JSON text it was accepted as.
 *
 * @param source who emitted it: {@code api}, {@code app}, {@code plugin:<id>} or {@code test}
 * @param traceparent the W3C trace context of the span that emitted it, or null
 */
public record StoredEvent(String id, String type, String data, String source, Instant createdAt, String traceparent) {

    public StoredEvent(String id, String type, String data, String source, Instant createdAt) {
        this(id, type, data, source, createdAt, null);
    }

    /** @return this event with other data (what the outgoing filters made of it), the rest kept */
    public StoredEvent withData(String other) {
        return new StoredEvent(id, type, other, source, createdAt, traceparent);
    }
}
