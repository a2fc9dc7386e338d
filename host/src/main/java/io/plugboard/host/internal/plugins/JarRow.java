package io.plugboard.host.internal.plugins;

import java.nio.file.Path;

/**
 * A jar (or development directory) the page and the API list that is not an installed plugin itself:
 * one that cannot be loaded ({@code failed}; its id is then its file name), or one of an installed
 * plugin that is not used ({@code superseded}, {@code refused}). The reason says why.
 *
 * @param id the plugin id, or null when the jar is no plugin the host can read
 */
record JarRow(Path file, String id, String version, PluginStatus state, String reason) {

    static JarRow broken(Path file, String problem) {
        return new JarRow(file, null, "", PluginStatus.FAILED, "cannot be loaded: " + problem);
    }
}
