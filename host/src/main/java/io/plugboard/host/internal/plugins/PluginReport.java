package io.plugboard.host.internal.plugins;

import java.util.List;

/**
 * What the admin and the API show about one plugin (or one jar that could not be loaded).
 *
 * @param state {@code started}, {@code disabled}, {@code failed}, …: PF4J's state in lower case
 * @param reason why the plugin is not running, when it is not; otherwise null
 * @param warnings contributions that were refused while the plugin itself runs (e.g. a duplicate event key)
 */
public record PluginReport(
        String id,
        String version,
        String provider,
        String description,
        String requires,
        String file,
        String state,
        String reason,
        List<String> eventTypes,
        List<String> warnings) {

    public PluginReport {
        eventTypes = List.copyOf(eventTypes);
        warnings = List.copyOf(warnings);
    }
}
