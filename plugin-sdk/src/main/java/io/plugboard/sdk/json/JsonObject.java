package io.plugboard.sdk.json;

import io.plugboard.sdk.internal.json.JsonText;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable JSON object whose members keep their order. Read members by <b>path</b>: keys joined
 * with dots, where a part that is a number indexes an array ({@code "customer.email"},
 * {@code "items.0.sku"}). For a key that itself contains a dot use {@link #member(String)}.
 *
 * <p>The getters come in two forms for each kind:
 * <ul>
 *   <li>{@code string(path)}, {@code longValue(path)}, {@code decimal(path)}, {@code bool(path)},
 *       {@code object(path)}, {@code array(path)}: the value must be there and of that kind, otherwise
 *       {@link JsonException} says so ({@code "customer.email is missing"}, {@code "amount is a string,
 *       not a number"});</li>
 *   <li>{@code optionalString(path)} and so on: empty when the value is missing or {@code null}, still
 *       {@link JsonException} when it is there with another kind.</li>
 * </ul>
 * Build objects with {@link #builder()}, {@link #of(Object...)}, {@link #from(Map)} or, from an existing
 * one, {@link #with(String, Object)} and {@link #toBuilder()}.
 */
public final class JsonObject implements JsonValue {

    private static final JsonObject EMPTY = new JsonObject(Map.of());

    private final Map<String, JsonValue> members;

    JsonObject(Map<String, JsonValue> members) {
        this.members = members;
    }

    /** @return the empty object */
    public static JsonObject empty() { return EMPTY; }

    /** @return a builder for an object */
    public static JsonObjectBuilder builder() { return new JsonObjectBuilder(); }

    /**
     * @param keysAndValues keys (strings) alternating with values that {@link Json#of(Object)} accepts
     * @return the object, e.g. {@code JsonObject.of("id", "pay_1", "amount", new BigDecimal("12.50"))}
     * @throws IllegalArgumentException if the count is odd or a key is not a string
     */
    public static JsonObject of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("JsonObject.of takes keys and values in pairs, got "
                    + keysAndValues.length + " arguments");
        }
        JsonObjectBuilder b = builder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String key)) {
                throw new IllegalArgumentException("argument " + i + " of JsonObject.of must be a key (a String)");
            }
            b.put(key, keysAndValues[i + 1]);
        }
        return b.build();
    }

    /** @param map string keys and values that {@link Json#of(Object)} accepts @return it as an object, in the map's order */
    public static JsonObject from(Map<String, ?> map) {
        JsonObjectBuilder b = builder();
        map.forEach(b::put);
        return b.build();
    }

    /** @return the keys, in order */
    public Set<String> keys() { return members.keySet(); }

    /** @return the members, in order, unmodifiable */
    public Map<String, JsonValue> members() { return members; }

    /** @return the number of members */
    public int size() { return members.size(); }

    /** @return whether there are no members */
    public boolean isEmpty() { return members.isEmpty(); }

    /** @param key a key, taken as it is (no path) @return its value, if the member is there */
    public Optional<JsonValue> member(String key) { return Optional.ofNullable(members.get(key)); }

    /** @param path dotted keys @return the value there (possibly {@link JsonNull}), if any */
    public Optional<JsonValue> get(String path) { return JsonPath.find(this, path); }

    /** @param path dotted keys @return whether a value (also {@code null}) is there */
    public boolean has(String path) { return get(path).isPresent(); }

    /** @param path dotted keys @return the string there @throws JsonException if missing or not a string */
    public String string(String path) { return JsonPath.required(this, path, "a string").asString(); }

    /** @param path dotted keys @return the whole number there @throws JsonException if missing, not a number or not whole */
    public long longValue(String path) { return JsonPath.required(this, path, "a number").asLong(); }

    /** @param path dotted keys @return the exact number there @throws JsonException if missing or not a number */
    public BigDecimal decimal(String path) { return JsonPath.required(this, path, "a number").asDecimal(); }

    /** @param path dotted keys @return the boolean there @throws JsonException if missing or not a boolean */
    public boolean bool(String path) { return JsonPath.required(this, path, "a boolean").asBoolean(); }

    /** @param path dotted keys @return the object there @throws JsonException if missing or not an object */
    public JsonObject object(String path) { return JsonPath.required(this, path, "an object").asObject(); }

    /** @param path dotted keys @return the array there @throws JsonException if missing or not an array */
    public JsonArray array(String path) { return JsonPath.required(this, path, "an array").asArray(); }

    /** @param path dotted keys @return the string there; empty if missing or null @throws JsonException if another kind */
    public Optional<String> optionalString(String path) { return JsonPath.optional(this, path, "a string").map(JsonValue::asString); }

    /** @param path dotted keys @return the whole number there; empty if missing or null @throws JsonException if another kind */
    public Optional<Long> optionalLong(String path) { return JsonPath.optional(this, path, "a number").map(JsonValue::asLong); }

    /** @param path dotted keys @return the exact number there; empty if missing or null @throws JsonException if another kind */
    public Optional<BigDecimal> optionalDecimal(String path) { return JsonPath.optional(this, path, "a number").map(JsonValue::asDecimal); }

    /** @param path dotted keys @return the boolean there; empty if missing or null @throws JsonException if another kind */
    public Optional<Boolean> optionalBool(String path) { return JsonPath.optional(this, path, "a boolean").map(JsonValue::asBoolean); }

    /** @param path dotted keys @return the object there; empty if missing or null @throws JsonException if another kind */
    public Optional<JsonObject> optionalObject(String path) { return JsonPath.optional(this, path, "an object").map(JsonValue::asObject); }

    /** @param path dotted keys @return the array there; empty if missing or null @throws JsonException if another kind */
    public Optional<JsonArray> optionalArray(String path) { return JsonPath.optional(this, path, "an array").map(JsonValue::asArray); }

    /** @param key a key (no path) @param value a value {@link Json#of(Object)} accepts @return a copy with that member set (in place if it was there, else last) */
    public JsonObject with(String key, Object value) { return toBuilder().put(key, value).build(); }

    /** @param key a key (no path) @return a copy without that member */
    public JsonObject without(String key) { return toBuilder().remove(key).build(); }

    /** @return a builder holding this object's members, to change some of them */
    public JsonObjectBuilder toBuilder() { return new JsonObjectBuilder(members); }

    @Override public String kind() { return "object"; }
    @Override public JsonObject asObject() { return this; }
    @Override public String toJson() { return JsonText.write(this); }
    @Override public String toString() { return toJson(); }

    /** @return the members as plain Java values (see {@link JsonValue#toJava()}), a modifiable ordered map */
    @Override
    public Map<String, Object> toJava() {
        Map<String, Object> map = new LinkedHashMap<>();
        members.forEach((k, v) -> map.put(k, v.toJava()));
        return map;
    }

    @Override public boolean equals(Object o) { return o instanceof JsonObject other && members.equals(other.members); }
    @Override public int hashCode() { return members.hashCode(); }
}
