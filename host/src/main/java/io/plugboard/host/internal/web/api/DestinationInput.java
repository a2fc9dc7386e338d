package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.internal.outbound.WebhookDestination;
import java.util.Map;

/**
 * Reads a webhook's {@code destination} field: {@code {"type": "rabbitmq", "settings": {…}}}; the type
 * defaults to {@code http}. A wrong shape is a field problem, collected with the others.
 */
final class DestinationInput {

    private DestinationInput() {}

    /** @return the destination given, or null when the field is absent (unchanged, or HTTP for a new webhook) */
    static WebhookDestination read(JsonInput in) {
        JsonNode node = in.node("destination");
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            in.problem("destination", "destination must be an object: {\"type\": \"http\"} or {\"type\": \"<id>\", \"settings\": {…}}");
            return null;
        }
        JsonNode type = node.get("type");
        if (type != null && !type.isNull() && !type.isTextual()) {
            in.problem("destination.type", "destination.type must be a string (GET /api/v1/destinations lists them)");
            return null;
        }
        for (var it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!field.equals("type") && !field.equals("settings")) {
                in.problem("destination." + field, "destination has only type and settings, not " + field);
            }
        }
        Map<String, String> settings = in.settings("destination.settings", node.get("settings"));
        return new WebhookDestination(type == null || type.isNull() ? null : type.textValue().strip(), settings);
    }
}
