package io.plugboard.host.internal.plugins;

import io.plugboard.host.internal.common.ConflictException;
import io.plugboard.host.internal.common.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the admin does to one plugin: activate, deactivate, uninstall (its jar and every other jar of
 * it in the plugins folder). Each is refused with the reason, and nothing changed, when it cannot be
 * done (an unmet requirement, active dependents).
 */
final class PluginActions {

    private static final Logger log = LoggerFactory.getLogger(PluginActions.class);

    private final PluginCatalog catalog;
    private final PluginDeployer deployer;
    private final PluginRunner runner;
    private final PluginStateStore states;
    private final JarCopies copies;
    private final PluginQuarantine quarantine;
    private final FolderJars jars;
    private final FolderSync folderSync;

    PluginActions(PluginCatalog catalog, PluginDeployer deployer, PluginRunner runner, PluginStateStore states,
                  JarCopies copies, PluginQuarantine quarantine, FolderJars jars, FolderSync folderSync) {
        this.jars = jars;
        this.folderSync = folderSync;
        this.catalog = catalog;
        this.deployer = deployer;
        this.runner = runner;
        this.states = states;
        this.copies = copies;
        this.quarantine = quarantine;
    }

    InstalledPlugin require(String id) {
        InstalledPlugin plugin = catalog.find(id);
        if (plugin == null) {
            throw new NotFoundException("no plugin '" + id + "' is installed; GET /api/v1/plugins lists them");
        }
        return plugin;
    }

    InstalledPlugin activate(String id) {
        InstalledPlugin plugin = require(id);
        if (plugin.status() == PluginStatus.ACTIVE) {
            return plugin;
        }
        String problem = deployer.startProblem(plugin);
        if (problem != null) {
            plugin.set(PluginStatus.INCOMPATIBLE, problem);
            throw new ConflictException("plugin '" + id + "' cannot be activated: it " + problem);
        }
        quarantine.release(id); // the admin asks for another try
        runner.start(plugin);
        if (plugin.status() != PluginStatus.ACTIVE) {
            throw new ConflictException("plugin '" + id + "' " + plugin.reason());
        }
        states.set(id, true);
        plugin.wanted(true);
        deployer.settle(); // plugins waiting for this one may start now
        return plugin;
    }

    InstalledPlugin deactivate(String id) {
        InstalledPlugin plugin = require(id);
        refuseWhileNeeded(plugin, "deactivated");
        states.set(id, false);
        plugin.wanted(false);
        runner.stop(plugin, PluginStatus.INACTIVE, null);
        deployer.settle();
        return plugin;
    }

    void uninstall(String id) {
        InstalledPlugin plugin = require(id);
        if (plugin.development()) {
            throw new ConflictException("plugin '" + id + "' is loaded from a classes directory (development mode); "
                    + "remove it from the host's configuration instead");
        }
        refuseWhileNeeded(plugin, "uninstalled");
        try {
            Files.deleteIfExists(plugin.source());
            SignatureFiles.delete(plugin.source());
        } catch (IOException e) {
            throw new ConflictException("the jar " + plugin.source().getFileName() + " cannot be deleted from the "
                    + "plugins folder (" + e.getMessage() + "); nothing was changed");
        }
        jars.forget(plugin.source());
        // Its other jars (superseded, refused) go too: else the next look would install one of them.
        folderSync.forget(id);
        for (FolderJars.Jar other : jars.of(id)) {
            jars.forget(other.file());
            try {
                Files.deleteIfExists(other.file());
                SignatureFiles.delete(other.file());
            } catch (IOException e) {
                log.warn("Could not delete {} of plugin '{}' from the plugins folder: {}", other.file().getFileName(), id,
                        e.toString());
            }
        }
        runner.stop(plugin, PluginStatus.INACTIVE, null);
        catalog.remove(plugin);
        copies.delete(plugin.copy());
        runner.tell(id, "uninstalled", l -> l.uninstalled(id));
        states.forget(id);
        quarantine.release(id);
        deployer.settle();
        log.info("Plugin '{}' uninstalled", id);
    }

    private void refuseWhileNeeded(InstalledPlugin plugin, String action) {
        List<InstalledPlugin> dependents = catalog.activeDependents(plugin.id());
        if (!dependents.isEmpty()) {
            String names = dependents.stream().map(p -> "'" + p.id() + "'").collect(Collectors.joining(", "));
            boolean one = dependents.size() == 1;
            throw new ConflictException("plugin '" + plugin.id() + "' cannot be " + action + " while " + names
                    + (one ? " depends on it and is" : " depend on it and are") + " active; deactivate "
                    + (one ? "it" : "them") + " first");
        }
    }
}
