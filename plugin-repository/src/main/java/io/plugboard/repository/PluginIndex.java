package io.plugboard.repository;

import java.util.List;
import java.util.Optional;

/**
 * A repository's index, {@code plugins.json}: every plugin it offers with its releases.
 *
 * @param format the index format's version ({@link #FORMAT}); a reader refuses a newer one
 * @param generatedAt when the index was built (ISO-8601 instant), for people reading it
 * @param plugins the plugins, each id once
 */
public record PluginIndex(int format, String generatedAt, List<PluginListing> plugins) {

    /** The format this library reads and writes. */
    public static final int FORMAT = 1;

    public PluginIndex {
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
    }

    /** @return the listing of the plugin with this id, if the repository offers it */
    public Optional<PluginListing> find(String pluginId) {
        return plugins.stream().filter(p -> p.id().equals(pluginId)).findFirst();
    }
}
