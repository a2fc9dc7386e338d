package io.plugboard.sdk.json;

import io.plugboard.sdk.internal.json.JsonText;
import java.util.Objects;

/**
 * A JSON string.
 *
 * @param value the text, unescaped
 */
public record JsonString(String value) implements JsonValue {

    /** Checks that the text is present. */
    public JsonString {
        Objects.requireNonNull(value, "value");
    }

    /** @param value the text @return it as a JSON string */
    public static JsonString of(String value) {
        return new JsonString(value);
    }

    @Override public String kind() { return "string"; }
    @Override public String asString() { return value; }
    @Override public String toJson() { return JsonText.write(this); }
    @Override public Object toJava() { return value; }
    @Override public String toString() { return toJson(); }
}
