package io.plugboard.sdk.internal.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.plugboard.sdk.json.JsonArray;
import io.plugboard.sdk.json.JsonBoolean;
import io.plugboard.sdk.json.JsonException;
import io.plugboard.sdk.json.JsonNull;
import io.plugboard.sdk.json.JsonNumber;
import io.plugboard.sdk.json.JsonObject;
import io.plugboard.sdk.json.JsonString;
import io.plugboard.sdk.json.JsonValue;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a {@link JsonValue} from a parser positioned on its first token; refuses duplicates and deep nesting. */
final class TreeReader {

    private final JsonParser parser;
    private final int maxDepth;

    TreeReader(JsonParser parser, int maxDepth) {
        this.parser = parser;
        this.maxDepth = maxDepth;
    }

    JsonValue value(int depth) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> object(depth);
            case START_ARRAY -> array(depth);
            case VALUE_STRING -> JsonString.of(parser.getText());
            // getText() is the number exactly as written: no double in between.
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> JsonNumber.of(parser.getText());
            case VALUE_TRUE -> JsonBoolean.TRUE;
            case VALUE_FALSE -> JsonBoolean.FALSE;
            case VALUE_NULL -> JsonNull.INSTANCE;
            default -> throw at("unexpected " + token, parser);
        };
    }

    private JsonObject object(int depth) throws IOException {
        checkDepth(depth);
        Map<String, JsonValue> members = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyAt = parser.currentTokenLocation();
            parser.nextToken();
            if (members.put(key, value(depth + 1)) != null) {
                throw new JsonException("duplicate key '" + shortened(key) + "' at line " + keyAt.getLineNr()
                        + ", column " + keyAt.getColumnNr());
            }
        }
        return JsonObject.from(members);
    }

    private JsonArray array(int depth) throws IOException {
        checkDepth(depth);
        JsonArray.Builder items = JsonArray.builder();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(depth + 1));
        }
        return items.build();
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw at("JSON nested deeper than " + maxDepth + " levels", parser);
        }
    }

    static JsonException at(String problem, JsonParser parser) {
        JsonLocation where = parser.currentTokenLocation();
        return new JsonException(problem + " at line " + where.getLineNr() + ", column " + where.getColumnNr());
    }

    private static String shortened(String key) {
        return key.length() > 60 ? key.substring(0, 60) + "…" : key;
    }
}
