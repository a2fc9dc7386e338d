package io.plugboard.plugins.redisstream;

import io.plugboard.sdk.outbound.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The fields of the stream entry an outgoing message becomes. */
final class StreamEntries {

    static final String ID = "id";
    static final String TYPE = "type";
    static final String CONTENT_TYPE = "content_type";
    static final String BODY = "body";
    /** A header named like one of these is written as {@code header:<name>}, so it never hides them. */
    private static final Set<String> FIXED = Set.of(ID, TYPE, CONTENT_TYPE, BODY);

    private StreamEntries() {}

    /**
     * @return {@code id} (the event id), {@code type}, {@code content_type}, {@code body} (the exact bytes),
     *     then one field per header (Standard Webhooks ones, custom ones), named in lower case, in name order
     */
    static Map<byte[], byte[]> fields(OutgoingMessage message) {
        Map<byte[], byte[]> fields = new LinkedHashMap<>();
        fields.put(bytes(ID), bytes(message.eventId()));
        fields.put(bytes(TYPE), bytes(message.eventType()));
        fields.put(bytes(CONTENT_TYPE), bytes(message.contentType()));
        fields.put(bytes(BODY), message.body());
        for (Map.Entry<String, String> header : new TreeMap<>(message.headers()).entrySet()) {
            fields.put(bytes(fieldName(header.getKey())), bytes(header.getValue()));
        }
        return fields;
    }

    /** @return the field a header is written to: its name in lower case (HTTP names ignore case) */
    static String fieldName(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return FIXED.contains(name) ? "header:" + name : name;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
