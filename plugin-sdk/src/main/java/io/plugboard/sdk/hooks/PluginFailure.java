package io.plugboard.sdk.hooks;

/**
 * The payload of {@link CoreHooks#PLUGIN_FAILED}.
 *
 * @param id the plugin's id
 * @param version its version
 * @param reason why, as the admin's plugin list shows it
 */
public record PluginFailure(String id, String version, String reason) {}
