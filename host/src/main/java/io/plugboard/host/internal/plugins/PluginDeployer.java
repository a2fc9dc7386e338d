package io.plugboard.host.internal.plugins;

import java.io.IOException;
import java.nio.file.Path;
import org.pf4j.PluginDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the catalog in step with the jars in the plugins folder: installs a new jar, upgrades a
 * replaced one, removes a deleted one, and then starts what should run ({@link #settle()}). A
 * plugin's dependents are stopped before it and started again after it, when they can.
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

    /** Installs (or upgrades to) the jar at {@code source}, not yet started; a file that is no plugin is recorded. */
    void install(Path source) {
        Fingerprint fingerprint = Fingerprint.of(source);
        if (fingerprint == null) {
            return;
        }
        Path copy;
        PluginDescriptor descriptor;
        try {
            copy = copies.copy(source);
        } catch (IOException e) {
            broken(source, fingerprint, "cannot be read: " + e.getMessage());
            return;
        }
        try {
            // Read from the copy, so what is checked is exactly what will be loaded.
            descriptor = inspector.read(copy);
        } catch (BadPluginJarException e) {
            copies.delete(copy);
            broken(source, fingerprint, e.getMessage());
            return;
        }
        catalog.forgetBroken(source);
        InstalledPlugin atSource = catalog.bySource(source);
        if (atSource != null && !atSource.id().equals(descriptor.getPluginId())) {
            drop(atSource);
            atSource = null;
        }
        InstalledPlugin sameId = catalog.find(descriptor.getPluginId());
        if (sameId != null && sameId != atSource) {
            copies.delete(copy);
            catalog.broken(new PluginCatalog.BrokenJar(source, fingerprint, "plugin '" + sameId.id()
                    + "' is already installed from " + sameId.source().getFileName() + "; remove one of the two"));
            return;
        }
        if (atSource != null) {
            String old = atSource.version();
            stopWithDependents(atSource, PluginStatus.INACTIVE, null);
            copies.delete(atSource.replace(source, fingerprint, copy, descriptor));
            log.info("Plugin '{}' replaced: {} → {}", atSource.id(), old, descriptor.getVersion());
        } else {
            boolean wanted = states.all().getOrDefault(descriptor.getPluginId(), true);
            catalog.add(new InstalledPlugin(source, fingerprint, copy, descriptor, false, wanted));
            log.info("Plugin '{}' {} installed from {}", descriptor.getPluginId(), descriptor.getVersion(),
                    source.getFileName());
        }
    }

    /** Installs a development plugin from a classes directory (never copied: it is the author's own build). */
    void installDevelopment(Path dir) throws BadPluginJarException {
        PluginDescriptor descriptor = inspector.read(dir);
        if (catalog.find(descriptor.getPluginId()) != null) {
            throw new BadPluginJarException("plugin '" + descriptor.getPluginId() + "' is already installed");
        }
        boolean wanted = states.all().getOrDefault(descriptor.getPluginId(), true);
        catalog.add(new InstalledPlugin(dir, null, dir, descriptor, true, wanted));
    }

    /** The jar at {@code source} is gone: its plugin stops and is forgotten (its chosen state is kept). */
    void remove(Path source) {
        InstalledPlugin plugin = catalog.bySource(source);
        if (plugin != null && !plugin.development()) {
            drop(plugin);
            log.info("Plugin '{}' removed: its jar was deleted", plugin.id());
        }
        catalog.forgetBroken(source);
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

    private void drop(InstalledPlugin plugin) {
        stopWithDependents(plugin, PluginStatus.INACTIVE, null);
        catalog.remove(plugin);
        copies.delete(plugin.copy());
    }

    private void broken(Path source, Fingerprint fingerprint, String reason) {
        InstalledPlugin atSource = catalog.bySource(source);
        if (atSource != null) {
            drop(atSource);
        }
        catalog.broken(new PluginCatalog.BrokenJar(source, fingerprint, reason));
        log.warn("{} in the plugins folder is not a plugin the host can load: {}", source.getFileName(), reason);
    }
}
