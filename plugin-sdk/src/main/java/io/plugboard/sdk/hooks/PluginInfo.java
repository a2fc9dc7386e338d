package io.plugboard.sdk.hooks;

/**
 * The payload of {@link CoreHooks#PLUGIN_ACTIVATED} and {@link CoreHooks#PLUGIN_DEACTIVATED}.
 *
 * @param id the plugin's id
 * @param version the plugin's version
 */
public record PluginInfo(String id, String version) {}
