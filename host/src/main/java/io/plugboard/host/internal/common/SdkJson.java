package io.plugboard.host.internal.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.plugboard.sdk.json.JsonArray;
import io.plugboard.sdk.json.JsonBoolean;
import io.plugboard.sdk.json.JsonNull;
import io.plugboard.sdk.json.JsonNumber;
import io.plugboard.sdk.json.JsonObject;
import io.plugboard.sdk.json.JsonString;
import io.plugboard.sdk.json.JsonValue;
import java.math.BigInteger;
import java.util.Map;

/**
 * Converts between the SDK's {@link JsonValue}s (what plugins hand over) and the host's Jackson trees,
 * without text in between. Numbers stay exact both ways: a {@code 12.50} becomes a {@link DecimalNode}
 * written back as {@code 12.50}, whole numbers become long or big-integer nodes.
 */
public final class SdkJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private SdkJson() {}

    /** @param value an SDK value @return the same as a Jackson tree */
    public static JsonNode toNode(JsonValue value) {
        if (value instanceof JsonObject object) {
            ObjectNode node = NODES.objectNode();
            object.members().forEach((k, v) -> node.set(k, toNode(v)));
            return node;
        } else if (value instanceof JsonArray array) {
            ArrayNode node = NODES.arrayNode(array.size());
            array.forEach(item -> node.add(toNode(item)));
            return node;
        } else if (value instanceof JsonString s) {
            return TextNode.valueOf(s.value());
        } else if (value instanceof JsonNumber n) {
            return number(n);
        } else if (value instanceof JsonBoolean b) {
            return BooleanNode.valueOf(b.value());
        }
        return NullNode.getInstance();
    }

    /** @param node a Jackson tree (null or missing is JSON null) @return the same as an SDK value */
    public static JsonValue toValue(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return JsonNull.INSTANCE;
        } else if (node.isObject()) {
            var b = JsonObject.builder();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                b.put(field.getKey(), toValue(field.getValue()));
            }
            return b.build();
        } else if (node.isArray()) {
            var b = JsonArray.builder();
            node.forEach(item -> b.add(toValue(item)));
            return b.build();
        } else if (node.isTextual()) {
            return JsonString.of(node.textValue());
        } else if (node.isBoolean()) {
            return JsonBoolean.of(node.booleanValue());
        } else if (node.isBigDecimal()) {
            return JsonNumber.of(node.decimalValue());
        } else if (node.isIntegralNumber()) {
            return JsonNumber.of(node.bigIntegerValue());
        } else if (node.isNumber()) {
            return JsonNumber.of(node.doubleValue());
        }
        throw new IllegalArgumentException("a " + node.getNodeType() + " node has no JSON value");
    }

    private static JsonNode number(JsonNumber n) {
        String text = n.text();
        boolean whole = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
        if (!whole) {
            return DecimalNode.valueOf(n.asDecimal());
        }
        BigInteger i = new BigInteger(text);
        return i.bitLength() < 64 ? LongNode.valueOf(i.longValue()) : BigIntegerNode.valueOf(i);
    }
}
