package io.plugboard.host.internal.plugins;

import io.plugboard.host.internal.ConflictException;
import io.plugboard.host.internal.events.EventTypeCompiler;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.sdk.EventEmitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins: what the admin and the API ask of them (list, activate, deactivate, uninstall,
 * upload), and the folder they come from. Every change goes through one lock, so the watcher, an
 * upload and an admin's click never interleave. A plugin that fails in any way is reported with its
 * reason and never stops the host.
 */
public final class PluginService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginService.class);

    private final PluginOptions options;
    private final PlugboardPluginManager manager;
    private final PluginCatalog catalog = new PluginCatalog();
    private final PluginStateStore states;
    private final JarCopies copies;
    private final PluginRunner runner;
    private final PluginDeployer deployer;
    private final PluginUploads uploads;
    private final PluginReports reports;
    private final PluginFolder folder;
    private final PluginActions actions;
    private final FolderSync folderSync;
    private FolderWatcher watcher;

    /**
     * @param parts the parts of a plugin's context (hooks, settings, pages, routes, tasks), by id and version
     * @param listeners told, in this order, when a plugin starts, started, stopped or is uninstalled
     */
    public PluginService(PluginOptions options, Jdbi jdbi, Clock clock, EventTypeRegistry registry,
                         EventTypeCompiler compiler, Function<String, EventEmitter> emitters,
                         BiFunction<String, String, ContextParts> parts, List<PluginListener> listeners) {
        this.options = options;
        String hostVersion = options.hostVersion();
        this.manager = new PlugboardPluginManager(options.copiesDir(), hostVersion, wrapper -> new HostPluginContext(
                wrapper.getPluginId(), wrapper.getDescriptor().getVersion(), hostVersion,
                emitters.apply("plugin:" + wrapper.getPluginId()),
                parts.apply(wrapper.getPluginId(), wrapper.getDescriptor().getVersion())));
        this.states = new PluginStateStore(jdbi, clock);
        this.copies = new JarCopies(options.copiesDir());
        this.folder = new PluginFolder(options.pluginsDir());
        JarInspector inspector = new JarInspector(manager.getVersionManager());
        Compatibility compatibility = new Compatibility(hostVersion, manager.getVersionManager());
        this.runner = new PluginRunner(manager, new EventTypeContributions(manager, registry, compiler), listeners);
        this.deployer = new PluginDeployer(catalog, copies, inspector, compatibility, runner, states);
        this.uploads = new PluginUploads(folder, options.copiesDir().resolveSibling("plugin-uploads"),
                options.maxJarBytes(), inspector, compatibility, catalog, deployer, copies);
        this.reports = new PluginReports(registry);
        this.actions = new PluginActions(catalog, deployer, runner, states, copies);
        this.folderSync = new FolderSync(catalog, deployer);
    }

    /**
     * Installs the development plugins and every jar in the plugins folder, starts those that should
     * run (dependencies first), then watches the folder if asked to.
     */
    public synchronized void start() {
        copies.clear();
        for (Path dir : options.developmentDirs()) {
            try {
                deployer.installDevelopment(dir);
            } catch (BadPluginJarException e) {
                log.error("The development plugin in {} cannot be loaded: {}", dir, e.getMessage());
                catalog.broken(new PluginCatalog.BrokenJar(dir, null, e.getMessage()));
            }
        }
        folder.scan().keySet().forEach(deployer::install);
        deployer.settle();
        for (PluginReport report : reports.all(catalog)) {
            if (!report.active()) {
                log.warn("Plugin '{}' is {}{}", report.id(), report.state(),
                        report.reason() == null ? "" : ": " + report.reason());
            }
        }
        if (options.watch()) {
            watcher = new FolderWatcher(folder, options.watchInterval(), this::folderChanged);
            watcher.start();
        }
    }

    /** @return every plugin, and every jar that could not be loaded, by id */
    public synchronized List<PluginReport> reports() {
        return reports.all(catalog);
    }

    /** @throws NotFoundException if no such plugin is installed */
    public synchronized PluginReport report(String id) {
        return reports.of(actions.require(id), catalog);
    }

    /**
     * Starts the plugin and remembers it as active.
     *
     * @throws ConflictException if it cannot start here (which requirement is unmet) or fails to start (why)
     */
    public synchronized PluginReport activate(String id) {
        return reports.of(actions.activate(id), catalog);
    }

    /**
     * Stops the plugin and remembers it as inactive.
     *
     * @throws ConflictException if active plugins depend on it (they are named)
     */
    public synchronized PluginReport deactivate(String id) {
        return reports.of(actions.deactivate(id), catalog);
    }

    /**
     * Stops and unloads the plugin, deletes its jar from the plugins folder, and tells the listeners,
     * which remove what the plugin stored.
     *
     * @throws ConflictException if active plugins depend on it, it is a development plugin, or its jar cannot be deleted
     */
    public synchronized void uninstall(String id) {
        actions.uninstall(id);
    }

    /** @return the largest jar {@link #upload} accepts, in bytes */
    public long maxUploadBytes() {
        return uploads.maxBytes();
    }

    /**
     * Installs an uploaded jar, or with {@code upgrade} replaces the installed version of the same
     * plugin (restoring it if the new one does not start).
     *
     * @throws io.plugboard.host.internal.ValidationException if the jar is not an installable plugin (field {@code jar})
     * @throws ConflictException if the id is taken and this is no upgrade, or the upgrade was rolled back
     */
    public PluginReport upload(InputStream content, boolean upgrade) {
        Path staged = uploads.stage(content); // outside the lock: the client may send slowly
        try {
            synchronized (this) {
                return reports.of(uploads.install(staged, upgrade), catalog);
            }
        } finally {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException e) {
                log.warn("Could not delete the staged upload {}: {}", staged, e.toString());
            }
        }
    }

    /** The watcher's report: deploys stable new or changed jars, removes plugins whose jar is gone. */
    private synchronized void folderChanged(Map<Path, Fingerprint> stable, Set<Path> present) {
        folderSync.apply(stable, present);
    }

    /** Stops watching, then stops every plugin (dependents first) and unloads it. */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        synchronized (this) {
            // Stop one by one, dependents before what they need (a plugin may still emit its own
            // events from stop()); PF4J 3.15's stopPlugins() changes the list it walks and gives up half-way.
            List<InstalledPlugin> order = new ArrayList<>(new DependencyOrder(catalog.all()).order());
            Collections.reverse(order);
            for (InstalledPlugin plugin : order) {
                runner.stop(plugin, PluginStatus.INACTIVE, null);
            }
            manager.unloadPlugins();
        }
    }
}
