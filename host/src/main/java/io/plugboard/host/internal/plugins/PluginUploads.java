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
import org.pf4j.PluginDescriptor;

/**
 * Installs an uploaded jar: checks it completely before anything is replaced, writes it into the
 * plugins folder (atomically, so the folder never holds half a jar), and for an upgrade restores the
 * previous version if the new one does not start.
 */
final class PluginUploads {

    private final PluginFolder folder;
    private final Path stagingDir;
    private final long maxBytes;
    private final JarInspector inspector;
    private final Compatibility compatibility;
    private final PluginCatalog catalog;
    private final PluginDeployer deployer;
    private final JarCopies copies;

    PluginUploads(PluginFolder folder, Path stagingDir, long maxBytes, JarInspector inspector,
                  Compatibility compatibility, PluginCatalog catalog, PluginDeployer deployer, JarCopies copies) {
        this.folder = folder;
        this.stagingDir = stagingDir;
        this.maxBytes = maxBytes;
        this.inspector = inspector;
        this.compatibility = compatibility;
        this.catalog = catalog;
        this.deployer = deployer;
        this.copies = copies;
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

    /** @return the installed (or upgraded) plugin */
    InstalledPlugin install(Path staged, boolean upgrade) {
        PluginDescriptor descriptor;
        try {
            descriptor = inspector.read(staged);
        } catch (BadPluginJarException e) {
            throw ValidationException.of("jar", e.getMessage());
        }
        String id = descriptor.getPluginId();
        String requires = compatibility.requiresProblem(descriptor);
        if (requires != null) {
            throw ValidationException.of("jar", "plugin '" + id + "' " + descriptor.getVersion() + " " + requires);
        }
        InstalledPlugin existing = catalog.find(id);
        if (existing == null) {
            Path target = folder.dir().resolve(id + ".jar");
            InstalledPlugin other = catalog.bySource(target);
            if (other != null) {
                throw new ConflictException(target.getFileName() + " in the plugins folder holds plugin '" + other.id()
                        + "'; rename or remove it first");
            }
            moveInto(staged, target);
            deployer.install(target);
            deployer.settle();
            return installed(id, target);
        }
        if (existing.development()) {
            throw new ConflictException("plugin '" + id + "' is loaded from a classes directory (development mode) "
                    + "and cannot be replaced by an upload");
        }
        if (!upgrade) {
            throw new ConflictException("plugin '" + id + "' " + existing.version() + " is already installed; to replace "
                    + "it with version " + descriptor.getVersion() + ", upload again as an upgrade (upgrade=true)");
        }
        return upgrade(existing, staged, descriptor.getVersion());
    }

    private InstalledPlugin upgrade(InstalledPlugin existing, Path staged, String newVersion) {
        boolean wasActive = existing.status() == PluginStatus.ACTIVE;
        String oldVersion = existing.version();
        Path source = existing.source();
        Path backup;
        try {
            backup = copies.copy(existing.copy());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a copy of the installed version for a rollback", e);
        }
        try {
            moveInto(staged, source);
            deployer.install(source);
            deployer.settle();
            InstalledPlugin now = catalog.find(existing.id());
            if (!wasActive || (now != null && now.status() == PluginStatus.ACTIVE)) {
                return installed(existing.id(), source);
            }
            String why = now == null ? "it could not be installed" : now.reason();
            moveInto(backup, source);
            deployer.install(source);
            deployer.settle();
            throw new ConflictException("version " + newVersion + " of plugin '" + existing.id() + "' did not start ("
                    + why + "); version " + oldVersion + " was restored");
        } finally {
            copies.delete(backup);
        }
    }

    private InstalledPlugin installed(String id, Path source) {
        InstalledPlugin plugin = catalog.find(id);
        if (plugin == null) {
            PluginCatalog.BrokenJar broken = catalog.brokenAt(source);
            throw ValidationException.of("jar", broken == null ? "the jar could not be installed" : broken.reason());
        }
        return plugin;
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
