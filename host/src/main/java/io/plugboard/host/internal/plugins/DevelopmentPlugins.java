package io.plugboard.host.internal.plugins;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.PluginDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins loaded from their build output (development mode): installed at start, and reloaded when
 * their classes directory changed ({@link DevelopmentWatcher}): stop, unload, read the descriptor
 * again, load and start, keeping the admin's active or inactive choice (and the settings, which are
 * stored by plugin id). A reload that fails leaves the plugin {@code failed} with the reason, and the
 * next change tries again. Used under the plugin service's lock.
 */
final class DevelopmentPlugins {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentPlugins.class);

    private final List<DevelopmentDir> dirs;
    private final PluginCatalog catalog;
    private final PluginDeployer deployer;
    private final JarInspector inspector;

    /** @param given as configured; a folder given twice (or as project and classes directory) counts once */
    DevelopmentPlugins(List<Path> given, PluginCatalog catalog, PluginDeployer deployer, JarInspector inspector) {
        Map<Path, DevelopmentDir> byClasses = new LinkedHashMap<>();
        given.stream().map(DevelopmentDir::of).forEach(dir -> byClasses.putIfAbsent(dir.classes(), dir));
        this.dirs = List.copyOf(byClasses.values());
        this.catalog = catalog;
        this.deployer = deployer;
        this.inspector = inspector;
    }

    List<DevelopmentDir> dirs() {
        return dirs;
    }

    /** Installs every development plugin (not started: the deployer's {@code settle()} does that). */
    void installAll() {
        for (DevelopmentDir dir : dirs) {
            try {
                deployer.installDevelopment(dir.classes(), read(dir));
            } catch (BadPluginJarException e) {
                log.error("The development plugin in {} cannot be loaded: {}", dir, e.getMessage());
                catalog.brokenDevelopment(dir.classes(), e.getMessage());
            }
        }
    }

    /**
     * Loads the directory's plugin again after a change and starts it if the admin wants it active.
     *
     * @param lastWrite when the newest file of the directory was written (epoch milliseconds), for the log
     */
    void reload(DevelopmentDir dir, long lastWrite) {
        long began = System.nanoTime();
        InstalledPlugin plugin = catalog.all().stream()
                .filter(p -> p.development() && p.source().equals(dir.classes())).findFirst().orElse(null);
        catalog.forgetBrokenDevelopment(dir.classes());
        JarInspector.Inspected inspected;
        try {
            inspected = read(dir);
        } catch (BadPluginJarException e) {
            String reason = "cannot be reloaded: " + e.getMessage() + "; the next change of " + dir + " tries again";
            if (plugin == null) {
                catalog.brokenDevelopment(dir.classes(), e.getMessage());
            } else {
                deployer.stopWithDependents(plugin, PluginStatus.FAILED, reason);
            }
            log.error("The development plugin in {} {}", dir, reason);
            return;
        }
        PluginDescriptor descriptor = inspected.descriptor();
        if (plugin != null && !plugin.id().equals(descriptor.getPluginId())) {
            deployer.remove(plugin, dir + " now holds plugin '" + descriptor.getPluginId() + "'");
            plugin = null;
        }
        try {
            if (plugin == null) {
                plugin = deployer.installDevelopment(dir.classes(), inspected);
            } else {
                deployer.stopWithDependents(plugin, PluginStatus.INACTIVE, null);
                plugin.replace(dir.classes(), null, dir.classes(), descriptor, inspected.warnings(), null);
            }
        } catch (BadPluginJarException e) {
            catalog.brokenDevelopment(dir.classes(), e.getMessage());
            log.error("The development plugin in {} cannot be loaded: {}", dir, e.getMessage());
            return;
        }
        deployer.settle();
        long took = (System.nanoTime() - began) / 1_000_000;
        long sinceWrite = System.currentTimeMillis() - lastWrite;
        if (plugin.status() == PluginStatus.FAILED) {
            log.error("Development plugin '{}' {} reloaded from {} but failed ({}); the next change tries again",
                    plugin.id(), plugin.version(), dir, plugin.reason());
        } else {
            log.info("Development plugin '{}' {} reloaded from {}: {} after {} ms ({} ms after its last file was written)",
                    plugin.id(), plugin.version(), dir, plugin.status().label(), took, sinceWrite);
        }
    }

    private JarInspector.Inspected read(DevelopmentDir dir) throws BadPluginJarException {
        String missing = dir.missing();
        if (missing != null) {
            throw new BadPluginJarException(missing);
        }
        return inspector.read(dir.classes());
    }
}
