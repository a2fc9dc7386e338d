package io.plugboard.host.internal.plugins;

import io.plugboard.host.internal.events.OperationalEvents;

/**
 * Tells subscribers when a plugin fails or changes version: the operational events {@code plugin_failed}
 * and {@code plugin_updated}.
 */
public final class PluginOpsEvents implements PluginListener {

    private final OperationalEvents ops;

    public PluginOpsEvents(OperationalEvents ops) {
        this.ops = ops;
    }

    @Override
    public void failed(String pluginId, String version, String reason) {
        ops.pluginFailed(pluginId, version, reason);
    }

    @Override
    public void updated(String pluginId, String oldVersion, String newVersion) {
        ops.pluginUpdated(pluginId, oldVersion, newVersion);
    }
}
