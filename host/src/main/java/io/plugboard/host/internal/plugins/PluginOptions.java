package io.plugboard.host.internal.plugins;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the host handles plugins.
 *
 * @param pluginsDir the folder of plugin jars the admin manages
 * @param copiesDir where the private copies the plugins are loaded from go (emptied at start)
 * @param developmentDirs classes directories loaded as plugins (development mode), never copied
 * @param hostVersion compared with each plugin's {@code Plugin-Requires}
 * @param watch whether jars added, replaced or removed while the host runs are deployed
 * @param watchInterval how often the folder is looked at when watching
 * @param maxJarBytes the largest plugin jar accepted by upload
 * @param timeLimits how long a plugin's {@code start()} and {@code stop()} may take
 * @param trust which jars may be installed, by their signatures
 */
public record PluginOptions(Path pluginsDir, Path copiesDir, List<Path> developmentDirs, String hostVersion,
                            boolean watch, Duration watchInterval, long maxJarBytes, PluginTimeLimits timeLimits,
                            PluginTrust trust) {

    public PluginOptions {
        developmentDirs = List.copyOf(developmentDirs);
    }
}
