package io.plugboard.host.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What an idempotency key is checked against: the SHA-256 of an event's type and data, with the data's
 * object fields in name order, so the same event sent again with its fields in another order (a
 * client's map, a retry built anew) has the same fingerprint.
 */
final class EventFingerprint {

    private static final ObjectMapper SORTED = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private EventFingerprint() {}

    /** @return 64 hex digits */
    static String of(String type, JsonNode data) {
        MessageDigest sha256 = sha256();
        sha256.update(type.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0); // no type and data can run together into another pair
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            SORTED.writeValue(out, data);
        } catch (IOException e) {
            throw new UncheckedIOException("event data cannot be serialized for its fingerprint", e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
