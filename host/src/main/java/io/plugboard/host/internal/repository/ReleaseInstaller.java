package io.plugboard.host.internal.repository;

import io.plugboard.host.internal.common.ConflictException;
import io.plugboard.host.internal.common.InputException;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.plugins.PluginReport;
import io.plugboard.host.internal.plugins.PluginService;
import io.plugboard.host.internal.plugins.RolledBackException;
import io.plugboard.repository.JarDigest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs one release on this instance: downloads it to a private file (size-capped), checks its
 * SHA-512 against the index, then hands it to the plugins' upload path, which checks its signature
 * ({@code PluginTrust}) and upgrades safely (the previous version is restored if the new one does not
 * start). Every outcome is logged and recorded in the plugin's history.
 */
final class ReleaseInstaller {

    private static final Logger log = LoggerFactory.getLogger(ReleaseInstaller.class);

    private final PluginService plugins;
    private final RepositoryHttp http;
    private final Path downloadDir;
    private final long maxJarBytes;
    private final PluginHistory history;

    ReleaseInstaller(PluginService plugins, RepositoryHttp http, Path downloadDir, long maxJarBytes, PluginHistory history) {
        this.plugins = plugins;
        this.http = http;
        this.downloadDir = downloadDir;
        this.maxJarBytes = maxJarBytes;
        this.history = history;
    }

    /**
     * @param installedVersion the version installed now, or null for a new install
     * @param actor who asked, for the history
     * @throws ConflictException if the download fails, does not match its sha512, or the new version was rolled back
     * @throws ValidationException if the jar is refused (its signature, its requirements)
     */
    PluginReport apply(ChosenRelease release, String installedVersion, String actor) {
        String id = release.pluginId();
        String action = installedVersion == null ? "install" : "update";
        try {
            Path jar = download(release);
            try (InputStream in = Files.newInputStream(jar)) {
                PluginReport report = plugins.upload(in, release.fileName(), installedVersion != null, false,
                        release.signature());
                String state = report.active() ? null : "it is " + report.state()
                        + (report.reason() == null ? "" : ": " + report.reason());
                history.record(id, action, installedVersion, release.version(), actor, state);
                log.info("Plugin '{}' {} from {} ({}, {}); asked by {}", id, release.version(), release.url(),
                        action, report.signature() == null ? "unsigned" : report.signature().text(), actor);
                return report;
            } finally {
                Files.deleteIfExists(jar);
            }
        } catch (RolledBackException e) {
            history.record(id, "rollback", installedVersion, release.version(), actor, e.getMessage());
            throw e;
        } catch (InputException e) {
            history.record(id, "refused", installedVersion, release.version(), actor, InputMessages.of(e));
            log.warn("Plugin '{}' {} from {} refused: {}", id, release.version(), release.url(), InputMessages.of(e));
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the download folder " + downloadDir, e);
        }
    }

    private Path download(ChosenRelease release) throws IOException {
        Files.createDirectories(downloadDir);
        Path file = Files.createTempFile(downloadDir, "download-", ".jar");
        try {
            http.download(release.url(), file, maxJarBytes);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw new ConflictException("plugin '" + release.pluginId() + "' " + release.version()
                    + " cannot be downloaded: " + e.getMessage() + "; nothing was changed");
        }
        String sha512 = JarDigest.sha512Hex(file);
        if (!sha512.equals(release.sha512())) {
            Files.deleteIfExists(file);
            throw new ConflictException("the download of plugin '" + release.pluginId() + "' " + release.version()
                    + " from " + release.url() + " does not match the sha512 its repository lists (the jar was changed "
                    + "or damaged on the way); it was not installed");
        }
        return file;
    }
}
