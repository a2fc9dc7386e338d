package io.plugboard.host.internal.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.events.StoredEvent;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /**
     * The envelope is spliced as text around the stored data rather than parsed and written again
     * (this runs for every attempt): the data was written by the host's own JSON mapper when the event
     * was accepted, and id, type and timestamp are JSON-quoted here.
     */
    public byte[] body(StoredEvent event) {
        return body(event, event.data());
    }

    /** @param data the data to send, JSON text (the stored data, or what the outgoing filters made of it) */
    public byte[] body(StoredEvent event, String data) {
        try {
            String head = "{\"id\":" + mapper.writeValueAsString(event.id())
                    + ",\"type\":" + mapper.writeValueAsString(event.type())
                    + ",\"timestamp\":\"" + DateTimeFormatter.ISO_INSTANT.format(event.createdAt()) + "\",\"data\":";
            return (head + data + "}").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the envelope of " + event.id(), e);
        }
    }
}
