package io.plugboard.sdk.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Collects the members of a {@link JsonObject}, in order: {@code JsonObject.builder().put("a", 1)
 * .put("b", JsonObject.of("c", true)).build()}. Putting a key again replaces its value in place.
 * Not thread-safe.
 */
public final class JsonObjectBuilder {

    private final Map<String, JsonValue> members;

    JsonObjectBuilder() {
        this.members = new LinkedHashMap<>();
    }

    JsonObjectBuilder(Map<String, JsonValue> start) {
        this.members = new LinkedHashMap<>(start);
    }

    /**
     * @param key the member's key (taken as it is, dots included)
     * @param value a value that {@link Json#of(Object)} accepts
     * @return this builder
     * @throws JsonException if the value has no JSON form
     */
    public JsonObjectBuilder put(String key, Object value) {
        Objects.requireNonNull(key, "key");
        members.put(key, Json.of(value));
        return this;
    }

    /** @param other an object @return this builder with all of its members put, in their order */
    public JsonObjectBuilder putAll(JsonObject other) {
        members.putAll(other.members());
        return this;
    }

    /** @param key a key @return this builder, without that member */
    public JsonObjectBuilder remove(String key) {
        members.remove(key);
        return this;
    }

    /** @return the object; the builder can go on and build others */
    public JsonObject build() {
        return members.isEmpty() ? JsonObject.empty()
                : new JsonObject(Collections.unmodifiableMap(new LinkedHashMap<>(members)));
    }
}
