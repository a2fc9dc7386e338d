package io.plugboard.host.internal.plugins;

import io.plugboard.host.internal.common.ConflictException;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.common.Workers;
import io.plugboard.host.internal.events.EventTypeCompiler;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.SourceTransactions;
import io.plugboard.repository.ReleaseSignature;
import io.plugboard.sdk.EventEmitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins: what the admin and the API ask of them (list, activate, deactivate, uninstall,
 * upload), and the folder they come from. Every change goes through one lock, so the watcher, an
 * upload and an admin's click never interleave. Reading never takes it: the list is a snapshot
 * published after every step of a change, so the page and the API answer while a plugin is starting.
 * A plugin that fails in any way is reported with its reason and never stops the host; its
 * {@code start()} and {@code stop()} run within {@link PluginTimeLimits}, and closing waits a bounded
 * time for the lock.
 *
 * <p>Over 300 lines on purpose: it is the one place that holds the plugins' lock, so each change it
 * offers (activate, upload, downgrade, a folder change, close) is a few lines here that take the lock
 * and hand the work to the classes that do it (PluginActions, PluginUploads, SafeUpgrade, FolderSync);
 * splitting it would spread the lock over several classes.
 */
public final class PluginService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginService.class);
    private static final long CLOSE_GRACE_MILLIS = 5_000;

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
    private final FolderJars jars;
    private final FolderRows folderRows;
    private final JarInspector inspector;
    private final Compatibility compatibility;
    private final PluginCalls calls = new PluginCalls();
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), Map.of());
    private volatile Runnable published = () -> { };
    private FolderWatcher watcher;
    private DevelopmentWatcher developmentWatcher;
    private final DevelopmentPlugins development;
    private final Workers workers;

    /** What readers see: every report, those of installed plugins by id, and the file of each downgrade waiting. */
    private record Snapshot(List<PluginReport> all, Map<String, PluginReport> installed, Map<String, String> downgrades) {}

    /**
     * @param transactions a plugin's database transactions with emits, by source ({@code plugin:<id>})
     * @param parts the parts of a plugin's context (hooks, settings, pages, routes, tasks), by id and version
     * @param listeners told, in this order, when a plugin starts, started, stopped or is uninstalled
     * @param workers supervises the folder watcher
     */
    public PluginService(PluginOptions options, Jdbi jdbi, Clock clock, EventTypeRegistry registry,
                         EventTypeCompiler compiler, Function<String, EventEmitter> emitters,
                         Function<String, SourceTransactions> transactions,
                         BiFunction<String, String, ContextParts> parts, List<PluginListener> listeners, Workers workers) {
        this.options = options;
        this.workers = workers;
        String hostVersion = options.hostVersion();
        this.manager = new PlugboardPluginManager(options.copiesDir(), hostVersion, wrapper -> new HostPluginContext(
                wrapper.getPluginId(), wrapper.getDescriptor().getVersion(), hostVersion,
                emitters.apply("plugin:" + wrapper.getPluginId()),
                transactions.apply("plugin:" + wrapper.getPluginId()),
                parts.apply(wrapper.getPluginId(), wrapper.getDescriptor().getVersion())));
        this.states = new PluginStateStore(jdbi, clock);
        this.copies = new JarCopies(options.copiesDir());
        this.folder = new PluginFolder(options.pluginsDir());
        this.inspector = new JarInspector(manager.getVersionManager());
        Compatibility compatibility = new Compatibility(hostVersion, manager.getVersionManager());
        PluginQuarantine quarantine = new PluginQuarantine(jdbi, clock);
        this.runner = new PluginRunner(manager, new EventTypeContributions(manager, registry, compiler), listeners,
                calls, options.timeLimits(), quarantine, this::publish);
        this.deployer = new PluginDeployer(catalog, copies, inspector, compatibility, runner, states, quarantine);
        SafeUpgrade upgrade = new SafeUpgrade(deployer, copies);
        this.jars = new FolderJars(inspector, options.trust());
        this.folderSync = new FolderSync(folder, jars, catalog, deployer, upgrade, inspector,
                new FailedJars(jdbi, clock, options.pluginsDir()));
        this.folderRows = new FolderRows(jars, catalog, folderSync, inspector);
        this.uploads = new PluginUploads(folder, options.copiesDir().resolveSibling("plugin-uploads"),
                options.maxJarBytes(), inspector, compatibility, catalog, deployer, jars, upgrade, options.trust());
        this.compatibility = compatibility;
        this.reports = new PluginReports(registry);
        this.development = new DevelopmentPlugins(options.developmentDirs(), catalog, deployer, inspector);
        this.actions = new PluginActions(catalog, deployer, runner, states, copies, quarantine, jars, folderSync);
    }

    /**
     * Installs the development plugins and every jar in the plugins folder, starts those that should
     * run (dependencies first), then watches the folder if asked to, and the development plugins'
     * classes directories always (a change reloads the plugin).
     */
    public void start() {
        locked(this::startLocked);
    }

    private void startLocked() {
        copies.clear();
        if (!development.dirs().isEmpty()) { // its first look before the install: a change meanwhile is seen
            developmentWatcher = new DevelopmentWatcher(development.dirs(),
                    (dir, lastWrite) -> locked(() -> development.reload(dir, lastWrite)),
                    workers.periodic("plugin-dev-watcher", "plugboard-plugin-dev-watcher"));
        }
        development.installAll();
        folderSync.apply(null);
        deployer.settle();
        for (PluginReport report : reports.all(catalog, List.of())) {
            if (!report.active()) {
                log.warn("Plugin '{}' is {}{}", report.id(), report.state(),
                        report.reason() == null ? "" : ": " + report.reason());
            }
        }
        if (options.watch()) {
            watcher = new FolderWatcher(folder, options.watchInterval(), this::folderChanged,
                    workers.periodic("plugin-watcher", "plugboard-plugin-watcher"));
            watcher.start();
        }
        if (developmentWatcher != null) {
            developmentWatcher.start();
        }
    }

    /** @return every plugin, and every jar that could not be loaded, by id; never waits for a change under way */
    public List<PluginReport> reports() {
        return snapshot.all();
    }

    /** @throws NotFoundException if no such plugin is installed */
    public PluginReport report(String id) {
        PluginReport report = snapshot.installed().get(id);
        if (report == null) {
            throw new NotFoundException("no plugin '" + id + "' is installed; GET /api/v1/plugins lists them");
        }
        return report;
    }

    /**
     * Starts the plugin and remembers it as active.
     *
     * @throws ConflictException if it cannot start here (which requirement is unmet) or fails to start (why)
     */
    public PluginReport activate(String id) {
        return locked(() -> reports.of(actions.activate(id), catalog));
    }

    /**
     * Stops the plugin and remembers it as inactive.
     *
     * @throws ConflictException if active plugins depend on it (they are named)
     */
    public PluginReport deactivate(String id) {
        return locked(() -> reports.of(actions.deactivate(id), catalog));
    }

    /**
     * Stops and unloads the plugin, deletes its jar from the plugins folder, and tells the listeners,
     * which remove what the plugin stored.
     *
     * @throws ConflictException if active plugins depend on it, it is a development plugin, or its jar cannot be deleted
     */
    public void uninstall(String id) {
        locked(() -> actions.uninstall(id));
    }

    /** @return the largest jar {@link #upload} accepts, in bytes */
    public long maxUploadBytes() {
        return uploads.maxBytes();
    }

    /**
     * Installs an uploaded jar under its own file name (or {@code <id>-<version>.jar}), or with
     * {@code upgrade} replaces the installed version of the same plugin (restoring it if the new one
     * does not start; deleting its jar once the new one runs). A lower version needs {@code allowDowngrade}.
     * The jar's signature (or none) is checked first ({@link PluginTrust}) and kept beside it.
     *
     * @throws io.plugboard.host.internal.common.ValidationException if the jar is not an installable plugin (field {@code jar})
     * @throws ConflictException if the id is taken and this is no upgrade, a downgrade not allowed, or the
     *     upgrade was rolled back
     */
    public PluginReport upload(InputStream content, String fileName, boolean upgrade, boolean allowDowngrade,
                               ReleaseSignature signature) {
        Path staged = uploads.stage(content); // outside the lock: the client may send slowly
        try {
            PluginUploads.Request request = new PluginUploads.Request(fileName, upgrade, allowDowngrade, signature);
            return locked(() -> reports.of(uploads.install(staged, request), catalog));
        } finally {
            try {
                Files.deleteIfExists(staged);
            } catch (IOException e) {
                log.warn("Could not delete the staged upload {}: {}", staged, e.toString());
            }
        }
    }

    /**
     * Applies the lower version of the plugin that was written over its jar in the plugins folder (a
     * downgrade is never applied on its own), through the same safe upgrade: if it does not start, the
     * running version is kept.
     *
     * @throws ConflictException if no downgrade is waiting, or the lower version did not start (why)
     */
    public PluginReport downgrade(String id) {
        return locked(() -> {
            InstalledPlugin plugin = actions.require(id);
            String before = plugin.version();
            FolderJars.Jar waiting = FolderRows.downgradeWaiting(plugin, jars, inspector);
            folderSync.allowDowngrade(id);
            InstalledPlugin now = actions.require(id);
            if (now.version().equals(before)) {
                FailedJars.Failure failure = waiting == null ? null : folderSync.failures().get(waiting.file());
                throw new ConflictException("version " + waiting.version() + " of plugin '" + id + "' did not start ("
                        + (failure == null ? "see GET /api/v1/plugins" : failure.reason()) + "); version " + before
                        + " was kept");
            }
            return reports.of(now, catalog);
        });
    }

    /** @return why this host cannot run a plugin that {@code Plugin-Requires} this, or null when it can */
    public String requiresProblem(String requires) {
        return compatibility.requiresProblem(requires);
    }

    /** @return the file name of the lower version waiting for {@link #downgrade}, or null */
    public String downgradeWaiting(String id) {
        return snapshot.downgrades().get(id);
    }

    /** The watcher's report: brings the plugins in line with the folder (its stable jars are read). */
    private void folderChanged(Map<Path, Fingerprint> stable) {
        locked(() -> folderSync.apply(stable));
    }

    /**
     * Stops watching, gives up on a start under way, then stops every plugin (dependents first) and
     * unloads it. Waits for the lock at most the stop time limit plus a few seconds: a change still
     * holding it then (a listener stuck in a plugin's code) is left behind, and the plugins with it.
     */
    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
        if (developmentWatcher != null) {
            developmentWatcher.close();
        }
        calls.abandonStarts();
        boolean locked;
        try {
            locked = lock.tryLock(options.timeLimits().stop().toMillis() + CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (!locked) {
            log.error("The plugins were not stopped: a plugin change did not finish in time");
            return;
        }
        try {
            // Stop one by one, dependents before what they need (a plugin may still emit its own
            // events from stop()); PF4J 3.15's stopPlugins() changes the list it walks and gives up half-way.
            List<InstalledPlugin> order = new ArrayList<>(new DependencyOrder(catalog.all()).order());
            Collections.reverse(order);
            for (InstalledPlugin plugin : order) {
                runner.stop(plugin, PluginStatus.INACTIVE, null);
            }
            manager.unloadPlugins();
        } finally {
            publish();
            lock.unlock();
        }
    }

    private void locked(Runnable change) {
        locked(() -> {
            change.run();
            return null;
        });
    }

    /** Runs a change under the lock, then publishes what readers see. */
    private <T> T locked(Supplier<T> change) {
        lock.lock();
        try {
            return change.get();
        } finally {
            folderRows.logNew(publish());
            lock.unlock();
        }
    }

    /**
     * @param listener told after each new plugin list is published, so what reads {@link #reports()}
     *     then sees the change (e.g. the instance's heartbeat)
     */
    public void onPublished(Runnable listener) {
        this.published = listener;
    }

    /**
     * Called with the lock held (also by the runner, as a start begins and ends).
     *
     * @return the rows of the jars that are not installed plugins, as published
     */
    private List<JarRow> publish() {
        Map<String, PluginReport> installed = new HashMap<>();
        Map<String, String> downgrades = new HashMap<>();
        for (InstalledPlugin plugin : catalog.all()) {
            installed.put(plugin.id(), reports.of(plugin, catalog));
            FolderJars.Jar waiting = FolderRows.downgradeWaiting(plugin, jars, inspector);
            if (waiting != null) {
                downgrades.put(plugin.id(), waiting.file().getFileName().toString());
            }
        }
        List<JarRow> rows = folderRows.rows();
        snapshot = new Snapshot(List.copyOf(reports.all(catalog, rows)), Map.copyOf(installed), Map.copyOf(downgrades));
        published.run();
        return rows;
    }
}
