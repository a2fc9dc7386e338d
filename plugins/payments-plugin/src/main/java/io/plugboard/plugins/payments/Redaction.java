package io.plugboard.plugins.payments;

import io.plugboard.sdk.json.JsonArray;
import io.plugboard.sdk.json.JsonObject;
import io.plugboard.sdk.json.JsonObjectBuilder;
import io.plugboard.sdk.json.JsonValue;

/** Replaces the string values of every member with a given name, at any depth (objects in arrays too). */
final class Redaction {

    private Redaction() {}

    /** @return the object with every string member named {@code field} set to {@code replacement} */
    static JsonObject replaceStrings(JsonObject object, String field, String replacement) {
        JsonObjectBuilder b = JsonObject.builder();
        object.members().forEach((key, value) -> b.put(key, key.equals(field) && value.isString()
                ? replacement : replaceIn(value, field, replacement)));
        return b.build();
    }

    private static JsonValue replaceIn(JsonValue value, String field, String replacement) {
        if (value instanceof JsonObject object) {
            return replaceStrings(object, field, replacement);
        }
        if (value instanceof JsonArray array) {
            JsonArray.Builder b = JsonArray.builder();
            array.forEach(item -> b.add(replaceIn(item, field, replacement)));
            return b.build();
        }
        return value;
    }
}
