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
 * @param signature what the installed jar's signature says, or null (a development plugin, or a jar not installed)
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
        List<String> warnings,
        Signature signature) {

    /**
     * What a jar's signature says (docs/plugin-repository.md).
     *
     * @param status {@code signed}, {@code unsigned} or {@code unknown_key} (signed by a key this host does not trust)
     * @param keyId the key that signed it, or null when unsigned
     * @param signedBy the trusted key's name, or null
     * @param text the verdict in words ("signed by Acme plugins (key …)", "unsigned")
     */
    public record Signature(String status, String keyId, String signedBy, String text) {

        /** @return true unless a trusted key signed the jar: the page marks it "unsigned" */
        public boolean unsigned() {
            return !"signed".equals(status);
        }
    }

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
