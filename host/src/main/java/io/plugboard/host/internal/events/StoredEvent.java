package io.plugboard.host.internal.events;

import java.time.Instant;

/**
 * An event as stored: its {@code data} is kept as the JSON text it was accepted as.
 *
 * @param source who emitted it: {@code api}, {@code app}, {@code plugin:<id>} or {@code test}
 */
public record StoredEvent(String id, String type, String data, String source, Instant createdAt) {}
