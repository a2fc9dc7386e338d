package io.plugboard.host;

/** Stops plugins and removes their data in a running host, as deactivating and uninstalling would; for tests. */
public final class PluginControl {

    private PluginControl() {}

    public static boolean stop(Plugboard host, String pluginId) {
        return host.stopPlugin(pluginId);
    }

    public static void deleteData(Plugboard host, String pluginId) {
        host.deletePluginData(pluginId);
    }
}
