package io.plugboard.host.internal.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.pf4j.CompoundPluginDescriptorFinder;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.pf4j.VersionManager;

/**
 * Reads a plugin's descriptor and checks it before anything is loaded: a readable jar with the PF4J
 * manifest entries {@code Plugin-Id} (a safe file and URL name) and {@code Plugin-Version} (a
 * version), or, for a development classes directory, {@code plugin.properties} or a manifest; and
 * none of its classes calls what would stop the JVM ({@link ForbiddenCalls}).
 */
final class JarInspector {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final VersionManager versions;

    JarInspector(VersionManager versions) {
        this.versions = versions;
    }

    /** The full check, on what will be loaded: the descriptor, then every class ({@link ForbiddenCalls}). */
    PluginDescriptor read(Path path) throws BadPluginJarException {
        PluginDescriptor descriptor = readDescriptor(path);
        try {
            ForbiddenCalls.check(path);
        } catch (BadPluginJarException e) {
            throw new BadPluginJarException("plugin '" + descriptor.getPluginId() + "' is refused: " + e.getMessage());
        }
        return descriptor;
    }

    /** The descriptor alone, checked (id and version): enough to tell which plugin and version a jar holds. */
    PluginDescriptor readDescriptor(Path path) throws BadPluginJarException {
        PluginDescriptor descriptor = Files.isDirectory(path) ? readDirectory(path) : readJar(path);
        String id = descriptor.getPluginId();
        if (id == null || id.isBlank()) {
            throw new BadPluginJarException("the plugin has no id: set Plugin-Id in its manifest");
        }
        if (!ID.matcher(id).matches()) {
            throw new BadPluginJarException("Plugin-Id '" + id + "' may contain only letters, digits, '.', '_' and '-' "
                    + "(at most 100, starting with a letter or digit)");
        }
        String version = descriptor.getVersion();
        if (version == null || version.isBlank()) {
            throw new BadPluginJarException("plugin '" + id + "' has no version: set Plugin-Version in its manifest");
        }
        try {
            versions.compareVersions(version, version);
        } catch (RuntimeException e) {
            throw new BadPluginJarException("Plugin-Version '" + version + "' of plugin '" + id
                    + "' is not a version such as 1.2.0");
        }
        return descriptor;
    }

    /** @return true if {@code version} is lower than {@code than} (both checked versions) */
    boolean lower(String version, String than) {
        return versions.compareVersions(version, than) < 0;
    }

    private static PluginDescriptor readJar(Path jar) throws BadPluginJarException {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException | SecurityException e) {
            throw new BadPluginJarException("not a valid jar file");
        }
        if (manifest == null) {
            throw new BadPluginJarException("the jar has no META-INF/MANIFEST.MF; a plugin jar needs Plugin-Id and "
                    + "Plugin-Version there");
        }
        Attributes main = manifest.getMainAttributes();
        if (main.getValue("Plugin-Id") == null) {
            throw new BadPluginJarException("the jar is not a plugin: its manifest has no Plugin-Id");
        }
        try {
            return new ManifestPluginDescriptorFinder().find(jar);
        } catch (RuntimeException e) {
            throw new BadPluginJarException("the manifest cannot be read: " + Reasons.describe(e));
        }
    }

    private static PluginDescriptor readDirectory(Path dir) throws BadPluginJarException {
        try {
            return new CompoundPluginDescriptorFinder()
                    .add(new PropertiesPluginDescriptorFinder())
                    .add(new ManifestPluginDescriptorFinder())
                    .find(dir);
        } catch (RuntimeException e) {
            throw new BadPluginJarException("no plugin descriptor in " + dir + " (add plugin.properties with plugin.id "
                    + "and plugin.version to src/main/resources): " + Reasons.describe(e));
        }
    }
}
