package io.plugboard.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The host's view of a plugin, as {@code GET /api/v1/plugins} reports it.
 *
 * @param id the {@code Plugin-Id}
 * @param version the {@code Plugin-Version}
 * @param state {@code active}, {@code starting}, {@code inactive}, {@code failed} or {@code incompatible};
 *     {@code superseded} or {@code refused} for another jar of an installed plugin that is not used
 * @param reason why it is not running, or {@code null}
 * @param eventTypes the keys it registered
 * @param warnings contributions the host refused while the plugin runs
 */
public record PluginStatus(String id, String version, String state, String reason, List<String> eventTypes,
        List<String> warnings) {

    /** Copies the lists so the record stays immutable. */
    public PluginStatus {
        eventTypes = List.copyOf(eventTypes);
        warnings = List.copyOf(warnings);
    }

    static PluginStatus of(JsonNode plugin) {
        return new PluginStatus(plugin.path("id").asText(), plugin.path("version").asText(),
                plugin.path("state").asText(), plugin.path("reason").isNull() ? null : plugin.path("reason").asText(),
                texts(plugin.path("event_types")), texts(plugin.path("warnings")));
    }

    /** @return true if the plugin runs (state {@code active}) */
    public boolean started() {
        return "active".equals(state);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
