package io.plugboard.host.internal.repository;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where plugins come from besides the folder and uploads, and how they are kept up to date.
 *
 * @param repositories the URLs of the repositories' {@code plugins.json} (a URL ending in {@code /} means its
 *     {@code plugins.json}), in the order given; empty when none is configured
 * @param downloadDir where downloads are written before they are checked (the data folder's {@code plugin-downloads})
 * @param autoUpdate the auto-update policy of every plugin without its own
 * @param checkEvery how often one instance looks for auto-updates
 * @param reconcileEvery how often each instance compares its plugins with the versions chosen on any instance
 * @param limits how long and how large the repositories' answers may be
 */
public record RepositoryOptions(List<URI> repositories, Path downloadDir, UpdatePolicy autoUpdate, Duration checkEvery,
                                Duration reconcileEvery, Limits limits) {

    /**
     * @param timeout for connecting and for each whole answer
     * @param maxIndexBytes the largest {@code plugins.json} read
     * @param maxJarBytes the largest jar downloaded
     * @param cacheFor how long a fetched index is used before it is fetched again
     */
    public record Limits(Duration timeout, long maxIndexBytes, long maxJarBytes, Duration cacheFor) {}

    public RepositoryOptions {
        repositories = List.copyOf(repositories);
    }
}
