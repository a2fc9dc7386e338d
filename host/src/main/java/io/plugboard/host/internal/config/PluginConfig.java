package io.plugboard.host.internal.config;

import io.plugboard.host.internal.plugins.PluginTimeLimits;
import java.nio.file.Path;
import java.util.List;

/**
 * How plugins are handled.
 *
 * @param dir the folder of plugin jars
 * @param developmentDirs classes directories loaded as plugins (development mode)
 * @param watch whether the plugins folder is watched for jars added, replaced or removed
 * @param maxJarBytes the largest jar accepted by upload
 * @param rejectInvalidEventData whether {@code emit} refuses data that breaks the type's schema
 *     (otherwise it logs a warning and accepts it)
 * @param timeLimits how long a plugin's {@code start()} and {@code stop()} may take
 */
public record PluginConfig(Path dir, List<Path> developmentDirs, boolean watch, long maxJarBytes,
                           boolean rejectInvalidEventData, PluginTimeLimits timeLimits) {

    public PluginConfig {
        developmentDirs = List.copyOf(developmentDirs);
    }
}
