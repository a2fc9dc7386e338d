package io.plugboard.sdk;

import org.slf4j.Logger;

/**
 * What the host gives a plugin: its identity, a way to emit events, and a logger.
 *
 * <p>A plugin receives it through the constructor of {@link PlugboardPlugin}. It stays valid while
 * the plugin is loaded.
 */
public interface PluginContext {

    /** @return the plugin's id, from its {@code Plugin-Id} manifest entry */
    String pluginId();

    /** @return the plugin's version, from its {@code Plugin-Version} manifest entry */
    String pluginVersion();

    /** @return the host's version, e.g. {@code 0.1.0} */
    String hostVersion();

    /** @return the emitter through which the plugin emits events */
    EventEmitter events();

    /** @return a logger named after the plugin ({@code plugboard.plugin.<id>}) */
    Logger logger();
}
