package io.plugboard.sdk.json;

import io.plugboard.sdk.internal.json.JsonText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text and turns Java values into {@link JsonValue}s.
 *
 * <p>Reading is strict: one JSON value with nothing but white space around it, objects without
 * duplicate keys (refused, not "last one wins": a duplicate usually means a sender's bug or an attempt
 * to smuggle a value past a check), at most {@link #MAX_DEPTH} levels of nested objects and arrays.
 * Numbers keep their exact text. A refusal is a {@link JsonException} whose one-line message ends with
 * the line and column, e.g. {@code "duplicate key 'id' at line 1, column 15"}.
 */
public final class Json {

    /** The deepest nesting of objects and arrays that {@link #parse(String)} accepts. */
    public static final int MAX_DEPTH = 200;

    private Json() {}

    /** @param text JSON text @return the value @throws JsonException if the text is not one valid JSON value */
    public static JsonValue parse(String text) {
        return JsonText.read(text, MAX_DEPTH);
    }

    /** @param text JSON text @return the object @throws JsonException if the text is not a valid JSON object */
    public static JsonObject parseObject(String text) {
        JsonValue value = parse(text);
        if (!value.isObject()) {
            throw new JsonException("expected a JSON object but got " + JsonKinds.described(value));
        }
        return value.asObject();
    }

    /**
     * Turns a Java value into JSON: a {@link JsonValue} as it is; {@code null} → {@link JsonNull};
     * {@code String} and {@code Character} → string; {@code Boolean} → boolean; {@code Integer},
     * {@code Long}, {@code Short}, {@code Byte}, {@code BigInteger}, {@code BigDecimal} → number with
     * that exact text, finite {@code Double} and {@code Float} → number; {@code Map} with string keys
     * → object (in the map's order); {@code List} (any {@code Iterable}) → array; {@code Enum} → its name.
     *
     * @param value a Java value
     * @return it as JSON
     * @throws JsonException if something in it has no JSON form (another type, a non-string key, NaN)
     */
    public static JsonValue of(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        } else if (value instanceof JsonValue json) {
            return json;
        } else if (value instanceof CharSequence || value instanceof Character) {
            return JsonString.of(value.toString());
        } else if (value instanceof Boolean b) {
            return JsonBoolean.of(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return JsonNumber.of(((Number) value).longValue());
        } else if (value instanceof BigDecimal d) {
            return JsonNumber.of(d);
        } else if (value instanceof BigInteger i) {
            return JsonNumber.of(i);
        } else if (value instanceof Double || value instanceof Float) {
            return JsonNumber.of(((Number) value).doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder b = JsonObject.builder();
            map.forEach((k, v) -> {
                if (!(k instanceof String key)) {
                    throw new JsonException("a map key must be a string to become JSON, not " + describe(k));
                }
                b.put(key, v);
            });
            return b.build();
        } else if (value instanceof Iterable<?> items) {
            JsonArray.Builder b = JsonArray.builder();
            items.forEach(b::add);
            return b.build();
        } else if (value instanceof Enum<?> e) {
            return JsonString.of(e.name());
        }
        throw new JsonException("a " + value.getClass().getName() + " has no JSON form; use maps, lists, strings, "
                + "numbers, booleans, null or JSON values");
    }

    /** @param map string keys and values as {@link #of(Object)} accepts @return it as an object */
    public static JsonObject of(Map<String, ?> map) {
        return JsonObject.from(map);
    }

    /** @param list values as {@link #of(Object)} accepts @return it as an array */
    public static JsonArray of(List<?> list) {
        return JsonArray.from(list);
    }

    private static String describe(Object key) {
        return key == null ? "null" : "a " + key.getClass().getName();
    }
}
