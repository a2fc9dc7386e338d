package io.plugboard.sdk.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.plugboard.sdk.json.JsonArray;
import io.plugboard.sdk.json.JsonBoolean;
import io.plugboard.sdk.json.JsonNull;
import io.plugboard.sdk.json.JsonNumber;
import io.plugboard.sdk.json.JsonObject;
import io.plugboard.sdk.json.JsonString;
import io.plugboard.sdk.json.JsonValue;
import java.io.IOException;
import java.util.Map;

/** Writes a {@link JsonValue} to a generator; numbers go out as their kept text. */
final class TreeWriter {

    private TreeWriter() {}

    static void write(JsonValue value, JsonGenerator out) throws IOException {
        if (value instanceof JsonObject object) {
            out.writeStartObject();
            for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
                out.writeFieldName(member.getKey());
                write(member.getValue(), out);
            }
            out.writeEndObject();
        } else if (value instanceof JsonArray array) {
            out.writeStartArray();
            for (JsonValue item : array) {
                write(item, out);
            }
            out.writeEndArray();
        } else if (value instanceof JsonString string) {
            out.writeString(string.value());
        } else if (value instanceof JsonNumber number) {
            out.writeNumber(number.text());
        } else if (value instanceof JsonBoolean bool) {
            out.writeBoolean(bool.value());
        } else if (value instanceof JsonNull) {
            out.writeNull();
        }
    }
}
