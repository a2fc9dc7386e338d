package io.plugboard.host.internal.events;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * What an idempotency key is checked against: the SHA-256 of an event's type and data, with the data's
 * object fields in name order, so the same event sent again with its fields in another order (a
 * client's map, a retry built anew) has the same fingerprint.
 *
 * <p>Numbers count by value, not by how they are written: {@code 12.5} and {@code 12.50} are the same event.
 * A decimal that a double holds (the double's shortest form has its value) is written as the double, as
 * before exact numbers, so keys claimed by an older host still match; any other decimal (more digits than
 * a double holds) is written without trailing zeros in plain notation.
 */
final class EventFingerprint {

    private static final ObjectMapper SORTED = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private EventFingerprint() {}

    /** @return 64 hex digits */
    static String of(String type, JsonNode data) {
        MessageDigest sha256 = sha256();
        sha256.update(type.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0); // no type and data can run together into another pair
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            SORTED.writeValue(out, byValue(data));
        } catch (IOException e) {
            throw new UncheckedIOException("event data cannot be serialized for its fingerprint", e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** @return the data with each decimal in the one form its value has (a copy; the given tree is not changed) */
    static JsonNode byValue(JsonNode node) {
        if (node == null) {
            return null;
        } else if (node.isBigDecimal()) {
            return number(node.decimalValue());
        } else if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), byValue(field.getValue()));
            }
            return copy;
        } else if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode(node.size());
            node.forEach(item -> copy.add(byValue(item)));
            return copy;
        }
        return node;
    }

    private static JsonNode number(BigDecimal value) {
        double d = value.doubleValue();
        if (Double.isFinite(d) && new BigDecimal(Double.toString(d)).compareTo(value) == 0) {
            return DoubleNode.valueOf(d);
        }
        return DecimalNode.valueOf(value.stripTrailingZeros());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
