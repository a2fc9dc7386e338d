package io.plugboard.host.internal.plugins;

import io.plugboard.repository.SignatureCheck;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.PluginDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces an installed plugin's version with another jar's, with a way back: the new jar is copied
 * and checked completely before anything stops, the running version's private copy is kept until the
 * new one runs, and if the plugin was active and the new version does not become active, the
 * previous version is put back from that copy and started again. The one way a version changes:
 * folder upgrades, uploads and an admin's downgrade all go through here.
 */
final class SafeUpgrade {

    private static final Logger log = LoggerFactory.getLogger(SafeUpgrade.class);

    private final PluginDeployer deployer;
    private final JarCopies copies;

    SafeUpgrade(PluginDeployer deployer, JarCopies copies) {
        this.deployer = deployer;
        this.copies = copies;
    }

    /**
     * @return null if the plugin now runs the jar's version (or was not running, and now has it), or
     *     why the new version did not start, after the previous one was restored
     * @throws BadPluginJarException if the jar cannot be installed; nothing was changed
     */
    String apply(InstalledPlugin plugin, FolderJars.Jar jar) throws BadPluginJarException {
        PluginDeployer.Prepared next = deployer.prepare(jar);
        boolean wasActive = plugin.status() == PluginStatus.ACTIVE;
        String oldVersion = plugin.version();
        Path oldSource = plugin.source();
        Fingerprint oldFingerprint = plugin.fingerprint();
        PluginDescriptor oldDescriptor = plugin.descriptor();
        List<String> oldWarnings = plugin.checkWarnings();
        SignatureCheck oldSignature = plugin.signature();
        deployer.stopWithDependents(plugin, PluginStatus.INACTIVE, null);
        Path oldCopy = plugin.replace(jar.file(), jar.fingerprint(), next.copy(), next.descriptor(), next.warnings(),
                next.signature());
        deployer.settle();
        if (!wasActive || plugin.status() == PluginStatus.ACTIVE) {
            copies.delete(oldCopy);
            log.info("Plugin '{}' replaced: {} → {} (from {}, {})", plugin.id(), oldVersion, plugin.version(),
                    jar.file().getFileName(), next.signature().describe());
            if (!oldVersion.equals(plugin.version())) {
                deployer.updated(plugin, oldVersion);
            }
            return null;
        }
        String why = plugin.reason() == null ? "it is " + plugin.status().label() : plugin.reason();
        String newVersion = plugin.version();
        deployer.stopWithDependents(plugin, PluginStatus.INACTIVE, null);
        copies.delete(plugin.replace(oldSource, oldFingerprint, oldCopy, oldDescriptor, oldWarnings, oldSignature));
        deployer.settle();
        log.warn("Plugin '{}' {} from {} did not start ({}); rolled back to {}, which is {}", plugin.id(), newVersion,
                jar.file().getFileName(), why, oldVersion, plugin.status().label());
        return why;
    }
}
