package io.plugboard.plugins.receiversupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Strict reading of the fields monitoring tools share (Prometheus-style labels and annotations, RFC 3339
 * times), with a 400 message that says which alert and field is wrong.
 */
public final class AlertFields {

    private AlertFields() {}

    /**
     * @param where the alert in the message, e.g. {@code alert 2}
     * @return the object of strings; absent or null counts as empty
     * @throws UnparseableRequestException when it is not an object of strings
     */
    public static ObjectNode strings(JsonNode value, String where, String field) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isObject()) {
            throw new UnparseableRequestException(where + ": " + field + " must be an object");
        }
        value.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw new UnparseableRequestException(where + ": " + field + "." + e.getKey() + " must be a string");
            }
            out.put(e.getKey(), e.getValue().textValue());
        });
        return out;
    }

    /**
     * @return the RFC 3339 time with its offset, in UTC; null when absent, null or empty
     * @throws UnparseableRequestException when it is not such a time
     */
    public static Instant time(JsonNode parent, String field, String where) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty())) {
            return null;
        }
        if (!value.isTextual()) {
            throw new UnparseableRequestException(where + ": " + field + " must be a string");
        }
        try {
            return OffsetDateTime.parse(value.textValue()).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnparseableRequestException(where + ": " + field + " is not an RFC 3339 time: " + value.textValue());
        }
    }
}
