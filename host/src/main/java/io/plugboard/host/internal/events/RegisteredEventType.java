package io.plugboard.host.internal.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import io.plugboard.verifier.schema.EventTypeSchemas;
import java.util.List;

/**
 * An event type as the host holds it: the SDK's description, who contributed it, and its sample and
 * schema parsed (and the schema compiled) once at registration.
 *
 * @param pluginId the contributing plugin's id, or {@link #APP_SOURCE} for types the embedding app registered
 * @param broadcast an event emitted without an application reaches every application's webhooks
 */
public record RegisteredEventType(
        String key,
        String name,
        String description,
        String group,
        String pluginId,
        ObjectNode sample,
        JsonNode schemaJson,
        JsonSchema schema,
        boolean broadcast) {

    /** The {@code plugin_id} of event types registered by the embedding application itself. */
    public static final String APP_SOURCE = "app";

    /** @return one line per way {@code data} breaks the schema; empty when it conforms or there is no schema */
    public List<String> validate(JsonNode data) {
        return schema == null ? List.of() : EventTypeSchemas.problems(schema, data);
    }
}
