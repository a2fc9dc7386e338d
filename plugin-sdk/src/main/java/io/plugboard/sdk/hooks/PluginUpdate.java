package io.plugboard.sdk.hooks;

/**
 * The payload of {@link CoreHooks#PLUGIN_UPDATED}.
 *
 * @param id the plugin's id
 * @param oldVersion the version it had
 * @param newVersion the version it has now
 */
public record PluginUpdate(String id, String oldVersion, String newVersion) {}
