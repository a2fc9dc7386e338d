package io.plugboard.host.internal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/**
 * The standard envelope, in its one home: the body a webhook of the {@code standard} format receives,
 * {@code {"id": "evt_…", "type": "<event key>", "timestamp": "<ISO-8601 UTC>", "data": {…}}}, and the
 * same as a tree, which is what event filters are evaluated against (at emit, in previews).
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
                    + ",\"timestamp\":\"" + timestamp(event) + "\",\"data\":";
            return (head + data + "}").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the envelope of " + event.id(), e);
        }
    }

    /** @return the envelope of the stored event as a tree */
    public JsonNode tree(StoredEvent event) {
        try {
            return tree(event, mapper.readTree(event.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event data is not JSON: " + event.id(), e);
        }
    }

    /** @param data the data in it, e.g. what a preview's outgoing filters made of the stored data */
    public JsonNode tree(StoredEvent event, JsonNode data) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", event.id()).put("type", event.type()).put("timestamp", timestamp(event));
        node.set("data", data);
        return node;
    }

    private static String timestamp(StoredEvent event) {
        return DateTimeFormatter.ISO_INSTANT.format(event.createdAt());
    }
}
