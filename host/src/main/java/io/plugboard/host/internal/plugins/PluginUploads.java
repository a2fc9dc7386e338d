package io.plugboard.host.internal.plugins;

import io.plugboard.host.internal.common.ByteSizes;
import io.plugboard.host.internal.common.ConflictException;
import io.plugboard.host.internal.common.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import io.plugboard.repository.ReleaseSignature;
import io.plugboard.repository.SignatureCheck;
import org.pf4j.PluginDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs an uploaded jar: checks it completely before anything is replaced, writes it into the
 * plugins folder under its own name (atomically, so the folder never holds half a jar, and never over
 * another jar), and for an upgrade goes through {@link SafeUpgrade}: the previous version is restored
 * if the new one does not start (the new jar is then deleted), and its jar is deleted once the new one runs.
 */
final class PluginUploads {

    private static final Logger log = LoggerFactory.getLogger(PluginUploads.class);

    private final PluginFolder folder;
    private final Path stagingDir;
    private final long maxBytes;
    private final JarInspector inspector;
    private final Compatibility compatibility;
    private final PluginCatalog catalog;
    private final PluginDeployer deployer;
    private final FolderJars jars;
    private final SafeUpgrade upgrade;
    private final PluginTrust trust;

    PluginUploads(PluginFolder folder, Path stagingDir, long maxBytes, JarInspector inspector, Compatibility compatibility,
                  PluginCatalog catalog, PluginDeployer deployer, FolderJars jars, SafeUpgrade upgrade, PluginTrust trust) {
        this.folder = folder;
        this.stagingDir = stagingDir;
        this.maxBytes = maxBytes;
        this.inspector = inspector;
        this.compatibility = compatibility;
        this.catalog = catalog;
        this.deployer = deployer;
        this.jars = jars;
        this.upgrade = upgrade;
        this.trust = trust;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Saves the upload to a private file, refusing more than the size limit; the caller deletes it. */
    Path stage(InputStream content) {
        try {
            Files.createDirectories(stagingDir);
            Path staged = Files.createTempFile(stagingDir, "upload-", ".jar");
            long written = 0;
            try (OutputStream out = Files.newOutputStream(staged)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = content.read(buffer)) > 0; ) {
                    written += n;
                    if (written > maxBytes) {
                        out.close();
                        Files.deleteIfExists(staged);
                        throw ValidationException.of("jar", "the jar is larger than " + ByteSizes.text(maxBytes));
                    }
                    out.write(buffer, 0, n);
                }
            }
            return staged;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the uploaded jar", e);
        }
    }

    /**
     * What came with an uploaded jar.
     *
     * @param fileName the uploaded file's own name, kept in the plugins folder when it is a safe
     *     {@code .jar} name not taken yet (else {@code <id>-<version>.jar}); may be null
     * @param upgrade replace the installed version of the same plugin
     * @param allowDowngrade accept an upgrade to a lower version than the installed one
     * @param signature the publisher's signature of the jar, or null; written beside it as {@code NAME.jar.sig}
     */
    record Request(String fileName, boolean upgrade, boolean allowDowngrade, ReleaseSignature signature) {}

    /** @return the installed (or upgraded) plugin */
    InstalledPlugin install(Path staged, Request request) {
        PluginDescriptor descriptor;
        try {
            descriptor = inspector.read(staged).descriptor();
        } catch (BadPluginJarException e) {
            throw ValidationException.of("jar", e.getMessage());
        }
        String id = descriptor.getPluginId();
        String version = descriptor.getVersion();
        String requires = compatibility.requiresProblem(descriptor);
        if (requires != null) {
            throw ValidationException.of("jar", "plugin '" + id + "' " + version + " " + requires);
        }
        InstalledPlugin existing = catalog.find(id);
        if (existing != null) {
            refuseReplacing(existing, version, request);
        }
        SignatureCheck signature;
        try {
            signature = trust.check(staged, request.signature());
        } catch (BadPluginJarException e) {
            throw ValidationException.of("signature", "plugin '" + id + "' " + version + " is " + e.getMessage());
        }
        Path target = folder.dir().resolve(UploadNames.choose(folder.dir(), request.fileName(), id, version));
        SignatureFiles.write(target, request.signature()); // first: the watcher reads the jar with it
        moveInto(staged, target);
        FolderJars.Jar jar = jars.record(target, Fingerprint.of(target), descriptor, signature);
        try {
            if (existing == null) {
                InstalledPlugin plugin = deployer.install(jar);
                deployer.settle();
                return plugin;
            }
            Path replaced = existing.source();
            String oldVersion = existing.version();
            String failure = upgrade.apply(existing, jar);
            if (failure != null) {
                removeFromFolder(target);
                throw new RolledBackException("version " + version + " of plugin '" + id + "' did not start (" + failure
                        + "); version " + oldVersion + " was restored");
            }
            if (!replaced.equals(target)) {
                removeFromFolder(replaced);
            }
            return existing;
        } catch (BadPluginJarException e) {
            removeFromFolder(target);
            throw ValidationException.of("jar", e.getMessage());
        }
    }

    private void refuseReplacing(InstalledPlugin existing, String version, Request request) {
        String id = existing.id();
        if (existing.development()) {
            throw new ConflictException("plugin '" + id + "' is loaded from a classes directory (development mode) "
                    + "and cannot be replaced by an upload");
        }
        if (!request.upgrade()) {
            throw new ConflictException("plugin '" + id + "' " + existing.version() + " is already installed; to replace "
                    + "it with version " + version + ", upload again as an upgrade (upgrade=true)");
        }
        if (!request.allowDowngrade() && inspector.lower(version, existing.version())) {
            throw new ConflictException("version " + version + " of plugin '" + id + "' is lower than the installed "
                    + existing.version() + "; to downgrade, upload again with allow_downgrade=true");
        }
    }

    /** Deletes a jar this upload wrote or replaced; a failure is logged (the folder is read again at the next look). */
    private void removeFromFolder(Path file) {
        jars.forget(file);
        try {
            Files.deleteIfExists(file);
            SignatureFiles.delete(file);
        } catch (IOException e) {
            log.warn("Could not delete {} from the plugins folder: {}", file.getFileName(), e.toString());
        }
    }

    /** Copies into a hidden file next to the target, then renames it over the target in one step. */
    private void moveInto(Path from, Path target) {
        Path part = target.resolveSibling("." + target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            Files.copy(from, part, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target.getFileName() + " into the plugins folder", e);
        }
    }
}
