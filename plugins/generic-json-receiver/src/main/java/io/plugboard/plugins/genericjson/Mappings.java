package io.plugboard.plugins.genericjson;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code mappings} setting: a JSON object of output field to JSON Pointer (RFC 6901) into the
 * received document, e.g. {@code {"order_id": "/order/id", "total": "/order/total"}}. A pointer that
 * finds nothing gives {@code null}.
 */
final class Mappings {

    private final Map<String, JsonPointer> fields;

    private Mappings(Map<String, JsonPointer> fields) {
        this.fields = fields;
    }

    /**
     * @param text the setting's value; blank for none
     * @throws IllegalArgumentException saying what is wrong
     */
    static Mappings parse(ObjectMapper mapper, String text) {
        Map<String, JsonPointer> fields = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return new Mappings(fields);
        }
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("must be a JSON object of field name to JSON Pointer, e.g. "
                    + "{\"order_id\": \"/order/id\"}");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("must be a JSON object of field name to JSON Pointer");
        }
        var entries = node.fields();
        while (entries.hasNext()) {
            var e = entries.next();
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException("the pointer for " + e.getKey() + " must be a string such as \"/a/b\"");
            }
            try {
                fields.put(e.getKey(), JsonPointer.compile(e.getValue().textValue()));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("the pointer for " + e.getKey() + " is not a JSON Pointer: "
                        + e.getValue().textValue() + " (it starts with / or is empty)");
            }
        }
        return new Mappings(fields);
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    ObjectNode apply(ObjectMapper mapper, JsonNode document) {
        ObjectNode out = mapper.createObjectNode();
        fields.forEach((field, pointer) -> {
            JsonNode found = document.at(pointer);
            out.set(field, found.isMissingNode() ? mapper.nullNode() : found.deepCopy());
        });
        return out;
    }
}
