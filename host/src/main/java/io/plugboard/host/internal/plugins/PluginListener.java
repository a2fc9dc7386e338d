package io.plugboard.host.internal.plugins;

/**
 * Told by {@link PluginService} when a plugin's life changes, so the parts that keep what a plugin
 * contributed (hooks, settings, pages, routes, tasks, its database tables) can set it up and tear it
 * down without the plugin service knowing them.
 */
public interface PluginListener {

    /** The plugin is about to be started (its event types are registered); a throw fails the start. */
    default void starting(String pluginId, ClassLoader pluginClassLoader) {}

    /** The plugin started. */
    default void started(String pluginId) {}

    /** The plugin stopped (or failed to start): everything it registered must go. */
    default void stopped(String pluginId) {}

    /** The plugin failed (could not be loaded or started, or did not stop in time), after {@link #stopped}. */
    default void failed(String pluginId, String version, String reason) {}

    /** The plugin now has another version (running, if it was running before). */
    default void updated(String pluginId, String oldVersion, String newVersion) {}

    /** The admin uninstalled the plugin: its stored data (settings, tables) must go too. */
    default void uninstalled(String pluginId) {}
}
