package io.plugboard.host;

/**
 * Which newer releases from the plugin repositories the host installs on its own
 * ({@link PlugboardBuilder#pluginAutoUpdate}); an admin can choose another per plugin. A new major
 * version is never installed without an admin.
 */
public enum PluginAutoUpdate {
    /** Only an admin updates (the default). */
    OFF,
    /** Patch releases: 1.4.2 → 1.4.3, not 1.5.0. */
    PATCH,
    /** Minor and patch releases: 1.4.2 → 1.5.0, not 2.0.0. */
    MINOR
}
