package io.plugboard.host.internal.web.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.jknack.handlebars.Handlebars;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON as escaped HTML, pretty-printed, each token in a {@code <span>} whose class the stylesheet
 * colours (so highlighting needs no script). The text content is the JSON itself, so copying it gives
 * valid JSON. Text that is not JSON comes back escaped and unchanged.
 */
final class JsonHtml {

    private final ObjectMapper mapper;
    // Strict: "1 2" is not JSON (it would show as 1), and 12.50 keeps its digits.
    private final ObjectReader reader;

    JsonHtml(ObjectMapper mapper) {
        this.mapper = mapper;
        this.reader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).with(JsonNodeFactory.withExactBigDecimals(true));
    }

    /** @param value JSON text, a {@link JsonNode}, or anything else (shown as its escaped text) */
    String render(Object value) {
        if (value == null) {
            return "";
        }
        JsonNode node;
        try {
            node = value instanceof JsonNode n ? n : reader.readTree(value.toString());
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || node.isMissingNode()) {
            return escape(value.toString());
        }
        StringBuilder out = new StringBuilder();
        write(node, 0, out);
        return out.toString();
    }

    private void write(JsonNode node, int depth, StringBuilder out) {
        if (node.isObject()) {
            container(node.fields(), depth, out, '{', '}');
        } else if (node.isArray()) {
            container(node.elements(), depth, out, '[', ']');
        } else if (node.isTextual()) {
            span("j-str", quoted(node.textValue()), out);
        } else if (node.isNumber()) {
            span("j-num", node.asText(), out);
        } else if (node.isBoolean()) {
            span("j-bool", node.asText(), out);
        } else {
            span("j-null", "null", out);
        }
    }

    private void container(Iterator<?> items, int depth, StringBuilder out, char open, char close) {
        out.append(open);
        if (!items.hasNext()) {
            out.append(close);
            return;
        }
        out.append('\n');
        while (items.hasNext()) {
            Object item = items.next();
            out.append("  ".repeat(depth + 1));
            JsonNode value;
            if (item instanceof Map.Entry<?, ?> field) {
                span("j-key", quoted((String) field.getKey()), out);
                out.append(": ");
                value = (JsonNode) field.getValue();
            } else {
                value = (JsonNode) item;
            }
            write(value, depth + 1, out);
            out.append(items.hasNext() ? ",\n" : "\n");
        }
        out.append("  ".repeat(depth)).append(close);
    }

    private String quoted(String text) {
        try {
            return mapper.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serializes", e);
        }
    }

    private static void span(String css, String text, StringBuilder out) {
        out.append("<span class=\"").append(css).append("\">").append(escape(text)).append("</span>");
    }

    private static String escape(String text) {
        return Handlebars.Utils.escapeExpression(text).toString();
    }
}
