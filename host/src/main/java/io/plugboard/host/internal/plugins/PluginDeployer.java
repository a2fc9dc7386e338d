package io.plugboard.host.internal.plugins;

import java.io.IOException;
import io.plugboard.repository.SignatureCheck;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.PluginDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs a plugin from a jar of the plugins folder, removes one, and starts what should run
 * ({@link #settle()}). A plugin's dependents are stopped before it and started again after it, when
 * they can. Which jar is installed is {@link FolderSync}'s choice; replacing a version is {@link SafeUpgrade}'s.
 */
final class PluginDeployer {

    private static final Logger log = LoggerFactory.getLogger(PluginDeployer.class);

    private final PluginCatalog catalog;
    private final JarCopies copies;
    private final JarInspector inspector;
    private final Compatibility compatibility;
    private final PluginRunner runner;
    private final PluginStateStore states;
    private final PluginQuarantine quarantine;

    PluginDeployer(PluginCatalog catalog, JarCopies copies, JarInspector inspector, Compatibility compatibility,
                   PluginRunner runner, PluginStateStore states, PluginQuarantine quarantine) {
        this.catalog = catalog;
        this.copies = copies;
        this.inspector = inspector;
        this.compatibility = compatibility;
        this.runner = runner;
        this.states = states;
        this.quarantine = quarantine;
    }

    /**
     * A jar's private copy, fully checked: what an install or an upgrade loads, the verifier's warnings, and
     * what its signature says.
     */
    record Prepared(Path copy, PluginDescriptor descriptor, List<String> warnings, SignatureCheck signature) {}

    /**
     * Copies the jar and checks the copy completely, so what is checked is exactly what will be loaded.
     *
     * @throws BadPluginJarException if it cannot be read, fails the checks, or no longer holds the plugin it held
     */
    Prepared prepare(FolderJars.Jar jar) throws BadPluginJarException {
        Path copy;
        try {
            copy = copies.copy(jar.file());
        } catch (IOException e) {
            throw new BadPluginJarException("cannot be read: " + e.getMessage());
        }
        try {
            JarInspector.Inspected inspected = inspector.read(copy);
            PluginDescriptor descriptor = inspected.descriptor();
            if (!descriptor.getPluginId().equals(jar.id()) || !descriptor.getVersion().equals(jar.version())) {
                throw new BadPluginJarException("changed while it was installed; it is read again once it stops changing");
            }
            return new Prepared(copy, descriptor, inspected.warnings(), jar.signature());
        } catch (BadPluginJarException e) {
            copies.delete(copy);
            throw e;
        }
    }

    /** Installs the jar's plugin (not yet started; {@link #settle()} starts it). */
    InstalledPlugin install(FolderJars.Jar jar) throws BadPluginJarException {
        Prepared prepared = prepare(jar);
        String id = prepared.descriptor().getPluginId();
        boolean wanted = states.all().getOrDefault(id, true);
        InstalledPlugin plugin = new InstalledPlugin(jar.file(), jar.fingerprint(), prepared.copy(),
                prepared.descriptor(), prepared.warnings(), prepared.signature(), false, wanted);
        catalog.add(plugin);
        log.info("Plugin '{}' {} installed from {} ({})", id, plugin.version(), jar.file().getFileName(),
                prepared.signature().describe());
        return plugin;
    }

    /**
     * Installs a development plugin from a classes directory (never copied: it is the author's own build),
     * as the inspector read it.
     */
    InstalledPlugin installDevelopment(Path dir, JarInspector.Inspected inspected) throws BadPluginJarException {
        PluginDescriptor descriptor = inspected.descriptor();
        if (catalog.find(descriptor.getPluginId()) != null) {
            throw new BadPluginJarException("plugin '" + descriptor.getPluginId() + "' is already installed");
        }
        boolean wanted = states.all().getOrDefault(descriptor.getPluginId(), true);
        InstalledPlugin plugin = new InstalledPlugin(dir, null, dir, descriptor, inspected.warnings(), null, true, wanted);
        catalog.add(plugin);
        return plugin;
    }

    /** Stops the plugin (dependents first) and forgets it; its chosen state is kept. */
    void remove(InstalledPlugin plugin, String why) {
        stopWithDependents(plugin, PluginStatus.INACTIVE, null);
        catalog.remove(plugin);
        copies.delete(plugin.copy());
        log.info("Plugin '{}' {} removed: {}", plugin.id(), plugin.version(), why);
    }

    /**
     * Starts every plugin that should run and can: wanted active, not running, not failed (a failed
     * plugin is retried when its jar changes or the admin activates it), not in quarantine (it hung or
     * threw an Error at an earlier start, perhaps before the host last stopped), requirements met.
     * Others are marked incompatible with the reason, or inactive.
     */
    void settle() {
        DependencyOrder order = new DependencyOrder(catalog.all());
        for (InstalledPlugin plugin : order.order()) {
            if (plugin.status() == PluginStatus.ACTIVE || plugin.status() == PluginStatus.FAILED) {
                continue;
            }
            String problem = staticProblem(plugin, order);
            if (problem == null && !plugin.wanted()) {
                plugin.set(PluginStatus.INACTIVE, null);
                continue;
            }
            if (problem == null) {
                problem = compatibility.dependencyProblem(plugin.descriptor(), catalog::find);
            }
            if (problem != null) {
                plugin.set(PluginStatus.INCOMPATIBLE, problem);
                continue;
            }
            String held = quarantine.heldReason(plugin);
            if (held != null) {
                plugin.set(PluginStatus.FAILED, "was not started again: at an earlier start it " + held
                        + "; activate it, or replace its jar, to try again");
                continue;
            }
            runner.start(plugin);
        }
    }

    /** @return what keeps the plugin from starting whatever the other plugins do, or null */
    String startProblem(InstalledPlugin plugin) {
        String problem = staticProblem(plugin, new DependencyOrder(catalog.all()));
        return problem != null ? problem : compatibility.dependencyProblem(plugin.descriptor(), catalog::find);
    }

    private String staticProblem(InstalledPlugin plugin, DependencyOrder order) {
        String problem = compatibility.requiresProblem(plugin.descriptor());
        return problem != null ? problem : order.cycle(plugin.id());
    }

    /** Stops the plugin, after the active plugins that depend on it (they wait, incompatible, for {@link #settle()}). */
    void stopWithDependents(InstalledPlugin plugin, PluginStatus after, String reason) {
        for (InstalledPlugin dependent : catalog.activeDependents(plugin.id())) {
            stopWithDependents(dependent, PluginStatus.INCOMPATIBLE,
                    "needs plugin '" + plugin.id() + "', which was stopped");
        }
        runner.stop(plugin, after, reason);
    }

    /** Tells the listeners that the plugin now has another version. */
    void updated(InstalledPlugin plugin, String oldVersion) {
        runner.tell(plugin.id(), "updated", l -> l.updated(plugin.id(), oldVersion, plugin.version()));
    }
}
