package io.plugboard.host.internal.plugins;

import io.plugboard.sdk.EventEmitter;
import io.plugboard.sdk.PluginContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link PluginContext} the host hands one plugin. */
record HostPluginContext(String pluginId, String pluginVersion, String hostVersion, EventEmitter events)
        implements PluginContext {

    @Override
    public Logger logger() {
        return LoggerFactory.getLogger("plugboard.plugin." + pluginId);
    }
}
