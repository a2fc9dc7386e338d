package io.plugboard.host.internal.plugins;

import io.plugboard.verifier.PluginVerifier;
import io.plugboard.verifier.VerificationReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * version), or, for a development classes directory, {@code plugin.properties} or a manifest; and the
 * whole plugin through the {@link PluginVerifier} (the checks that do not run its code): an error refuses
 * it, with every error listed; the warnings are kept with the plugin and shown with it.
 */
final class JarInspector {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final VersionManager versions;
    private final PluginVerifier verifier = PluginVerifier.withoutRunningCode();

    JarInspector(VersionManager versions) {
        this.versions = versions;
    }

    /** A plugin that passed the checks: its descriptor, and the verifier's warnings (one sentence each). */
    record Inspected(PluginDescriptor descriptor, List<String> warnings) {}

    /**
     * The full check, on what will be loaded.
     *
     * @throws BadPluginJarException listing every error the verifier found, after the plugin's id when it has one
     */
    Inspected read(Path path) throws BadPluginJarException {
        VerificationReport report = verifier.verify(path);
        if (!report.passed()) {
            throw new BadPluginJarException(refusedPrefix(path) + report.describeErrors());
        }
        return new Inspected(readDescriptor(path), report.warningMessages());
    }

    private String refusedPrefix(Path path) {
        try {
            return "plugin '" + readDescriptor(path).getPluginId() + "' is refused: ";
        } catch (BadPluginJarException e) {
            return ""; // the descriptor's own problem is among the errors
        }
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
