package io.plugboard.host.internal.config;

import io.plugboard.host.internal.plugins.PluginTimeLimits;
import io.plugboard.host.internal.repository.UpdatePolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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
 * @param sources which jars are trusted, and the repositories plugins come from
 */
public record PluginConfig(Path dir, List<Path> developmentDirs, boolean watch, long maxJarBytes,
                           boolean rejectInvalidEventData, PluginTimeLimits timeLimits, Sources sources) {

    /**
     * Where plugins come from and which are trusted (docs/plugin-repository.md).
     *
     * @param trustedKeys the trusted publishers' public keys file, or null for none
     * @param requireSigned refuse jars not signed by a trusted key
     * @param repositories the plugin repositories, in order
     * @param autoUpdate the auto-update policy of plugins without their own
     * @param updateCheckInterval how often the auto-update looks for new releases
     */
    public record Sources(Path trustedKeys, boolean requireSigned, List<URI> repositories, UpdatePolicy autoUpdate,
                          Duration updateCheckInterval) {

        public Sources {
            repositories = List.copyOf(repositories);
        }
    }

    public PluginConfig {
        developmentDirs = List.copyOf(developmentDirs);
    }
}
