package io.plugboard.host.internal.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.host.internal.events.StoredEvent;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

/**
 * The body every webhook receives:
 * {@code {"id": "evt_…", "type": "<event key>", "timestamp": "<ISO-8601 UTC>", "data": {…}}}.
 */
public final class Envelope {

    private final ObjectMapper mapper;

    public Envelope(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] body(StoredEvent event) {
        try {
            ObjectNode envelope = mapper.createObjectNode();
            envelope.put("id", event.id());
            envelope.put("type", event.type());
            envelope.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(event.createdAt()));
            envelope.set("data", mapper.readTree(event.data()));
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            // Stored data was valid JSON when accepted; failing here means the row was altered.
            throw new UncheckedIOException("stored event " + event.id() + " has unreadable data", e);
        }
    }
}
