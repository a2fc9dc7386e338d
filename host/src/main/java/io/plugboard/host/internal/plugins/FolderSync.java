package io.plugboard.host.internal.plugins;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Applies one look at the plugins folder to the catalog: plugins whose jar is gone are removed, and
 * stable jars that are new or changed since they were installed are installed (or upgraded).
 */
final class FolderSync {

    private final PluginCatalog catalog;
    private final PluginDeployer deployer;

    FolderSync(PluginCatalog catalog, PluginDeployer deployer) {
        this.catalog = catalog;
        this.deployer = deployer;
    }

    /**
     * @param stable the jars whose fingerprint did not change since the previous look
     * @param present every jar in the folder now
     */
    void apply(Map<Path, Fingerprint> stable, Set<Path> present) {
        boolean changed = false;
        for (InstalledPlugin plugin : catalog.all()) {
            if (!plugin.development() && !present.contains(plugin.source())) {
                deployer.remove(plugin.source());
                changed = true;
            }
        }
        for (PluginCatalog.BrokenJar jar : catalog.broken()) {
            if (jar.fingerprint() != null && !present.contains(jar.file())) {
                catalog.forgetBroken(jar.file());
            }
        }
        for (var entry : stable.entrySet()) {
            if (!entry.getValue().equals(installedFingerprint(entry.getKey()))) {
                deployer.install(entry.getKey());
                changed = true;
            }
        }
        if (changed) {
            deployer.settle();
        }
    }

    private Fingerprint installedFingerprint(Path file) {
        InstalledPlugin plugin = catalog.bySource(file);
        if (plugin != null) {
            return plugin.fingerprint();
        }
        PluginCatalog.BrokenJar broken = catalog.brokenAt(file);
        return broken == null ? null : broken.fingerprint();
    }
}
