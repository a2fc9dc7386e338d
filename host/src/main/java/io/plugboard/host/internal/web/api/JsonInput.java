package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.web.http.ApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a JSON request body field by field, refusing wrong types and unknown fields by name. A wrong
 * type is thrown at once, unless the input was made {@link #collecting()}: then each is kept, the field
 * reads as absent, and the caller hands {@link #problems()} on so that one answer lists every bad field.
 */
final class JsonInput {

    private final ObjectNode body;
    private final Map<String, String> problems = new LinkedHashMap<>();
    private boolean collecting;

    private JsonInput(ObjectNode body) {
        this.body = body;
    }

    /** @param optional whether an empty body counts as {@code {}} */
    static JsonInput read(Context ctx, ObjectMapper mapper, boolean optional, Set<String> allowed) {
        // Parsed from the bytes: decoding to a String first, and parsing characters, were a third of
        // reading an emit's body (BENCHMARKS.md, run 8). JSON is UTF-8 (RFC 8259).
        byte[] text = ctx.bodyAsBytes();
        if (blank(text)) {
            if (optional) {
                return new JsonInput(mapper.createObjectNode());
            }
            throw new ApiException(400, "request body must be a JSON object");
        }
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ApiException(400, "request body is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (IOException e) {
            throw new ApiException(400, "request body cannot be read as JSON: " + e.getMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ApiException(400, "request body must be a JSON object");
        }
        return checked(object, allowed);
    }

    private static JsonInput checked(ObjectNode object, Set<String> allowed) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiException(400, "unknown field" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; allowed fields: " + String.join(", ", new TreeSet<>(allowed)));
        }
        return new JsonInput(object);
    }

    private static boolean blank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** @return this input, now keeping wrong types in {@link #problems()} instead of throwing them */
    JsonInput collecting() {
        collecting = true;
        return this;
    }

    /** @return field → what is wrong with its type, in the order read (only when {@link #collecting()}) */
    Map<String, String> problems() {
        return problems;
    }

    /** Notes a problem found by a reader of a nested field (collected like a wrong type). */
    void problem(String field, String message) {
        wrong(field, message);
    }

    private <T> T wrong(String field, String message) {
        if (!collecting) {
            throw ValidationException.of(field, message);
        }
        problems.putIfAbsent(field, message);
        return null;
    }

    boolean has(String field) {
        return body.has(field);
    }

    /** @return the field's text, or null when absent or JSON null */
    String string(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            return wrong(field, field + " must be a string");
        }
        return v.textValue();
    }

    /** @return the field's text, or a whole number's digits (e.g. an HTTP status given as 404); null when absent */
    String textOrInteger(String field) {
        JsonNode v = body.get(field);
        if (v != null && v.isIntegralNumber()) {
            return v.asText();
        }
        return string(field);
    }

    /** @return the field's number, or null when absent or JSON null */
    Double number(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            return wrong(field, field + " must be a number");
        }
        return v.doubleValue();
    }

    Boolean bool(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            return wrong(field, field + " must be true or false");
        }
        return v.booleanValue();
    }

    List<String> strings(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            return wrong(field, field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                return wrong(field, field + " must be an array of strings");
            }
            out.add(item.textValue());
        }
        return out;
    }

    /** @return an object of string values, in order, or null when absent or JSON null */
    Map<String, String> stringMap(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            return wrong(field, field + " must be an object of name → string value");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                return wrong(field, field + "." + e.getKey() + " must be a string");
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }

    /**
     * @return settings by key, each a string, number or boolean (numbers and booleans as their text), or
     *     null when the field is absent or JSON null
     */
    Map<String, String> settings(String field) {
        return settings(field, body.get(field));
    }

    /** @return as {@link #settings(String)}, for an object found elsewhere (e.g. nested), named {@code field} in messages */
    Map<String, String> settings(String field, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            return wrong(field, field + " must be an object of setting key → value");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue();
            if (value.isNull()) {
                out.put(e.getKey(), "");
            } else if (value.isTextual() || value.isNumber() || value.isBoolean()) {
                out.put(e.getKey(), value.asText());
            } else {
                return wrong(field + "." + e.getKey(), field + "." + e.getKey() + " must be a string, number or boolean");
            }
        }
        return out;
    }

    /** @return plugin id → key → value (as {@link #settings(String)}), empty when absent or JSON null */
    Map<String, Map<String, String>> pluginSettings(String field) {
        JsonNode v = node(field);
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!v.isObject()) {
            wrong(field, field + " must be an object of plugin id → (key → value)");
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Map<String, String> values = settings(field + "." + e.getKey(), e.getValue());
            if (values != null) {
                out.put(e.getKey(), values);
            }
        }
        return out;
    }

    /** @return the field as JSON, or null when absent or JSON null */
    JsonNode node(String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v;
    }
}
