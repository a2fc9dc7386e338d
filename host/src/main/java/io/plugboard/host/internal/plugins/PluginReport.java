package io.plugboard.host.internal.plugins;

import java.util.List;

/**
 * What the admin and the API show about one plugin (or one jar that could not be loaded).
 *
 * @param state {@code active}, {@code starting}, {@code inactive}, {@code failed} or {@code incompatible}; for
 *     a jar of an installed plugin that is not used, {@code superseded} or {@code refused}
 * @param reason why the plugin is not running, when it failed or is incompatible, or why the jar is not used;
 *     otherwise null
 * @param development loaded from a classes directory by the embedding application
 * @param dependencies what the plugin's {@code Plugin-Dependencies} ask for, and whether each is active
 * @param dependents the installed plugins that depend on this one
 * @param warnings what to fix although the plugin starts, worked out at its start ({@link StartWarnings}):
 *     refused event types (e.g. a duplicate key), all of them refused, or nothing contributed at all
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
        boolean development,
        List<Dependency> dependencies,
        List<String> dependents,
        List<String> eventTypes,
        List<String> warnings) {

    /** One entry of {@code Plugin-Dependencies}: {@code id@range}, optional when it ends in {@code ?}. */
    public record Dependency(String pluginId, String versions, boolean optional, boolean active) {}

    public PluginReport {
        dependencies = List.copyOf(dependencies);
        dependents = List.copyOf(dependents);
        eventTypes = List.copyOf(eventTypes);
        warnings = List.copyOf(warnings);
    }

    /**
     * @return true if this is an installed plugin (which the actions apply to), false for a jar that
     *     cannot be loaded or is not used
     */
    public boolean installed() {
        return !version.isEmpty() && !"superseded".equals(state) && !"refused".equals(state);
    }

    /** @return true if the plugin is running */
    public boolean active() {
        return "active".equals(state);
    }
}
