package io.plugboard.sdk.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.plugboard.sdk.json.JsonException;
import io.plugboard.sdk.json.JsonValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Reads and writes JSON text with jackson-core's streaming parser and generator. Not API: the SDK jar
 * carries jackson-core relocated under {@code io.plugboard.sdk.internal.jackson}, so no Jackson type
 * appears in the SDK's signatures and a plugin's own Jackson never meets this one.
 */
public final class JsonText {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    private JsonText() {}

    /** @param text JSON text @param maxDepth the deepest nesting accepted @return its value */
    public static JsonValue read(String text, int maxDepth) {
        if (text == null) {
            throw new JsonException("no JSON text (null)");
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonException("no JSON value: the text is empty");
            }
            JsonValue value = new TreeReader(parser, maxDepth).value(1);
            if (parser.nextToken() != null) {
                throw TreeReader.at("unexpected content after the JSON value", parser);
            }
            return value;
        } catch (JsonProcessingException e) {
            String message = firstLine(e.getOriginalMessage());
            throw new JsonException(message + (e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param value a value @return its compact text */
    public static String write(JsonValue value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            TreeWriter.write(value, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String firstLine(String message) {
        String m = message == null ? "invalid JSON" : message;
        int end = m.indexOf('\n');
        return (end < 0 ? m : m.substring(0, end)).strip();
    }
}
