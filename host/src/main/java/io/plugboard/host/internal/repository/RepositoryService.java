package io.plugboard.host.internal.repository;

import io.plugboard.host.internal.common.ConflictException;
import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.plugins.PluginReport;
import io.plugboard.host.internal.plugins.PluginService;
import io.plugboard.repository.PluginListing;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * Plugins from repositories: what they offer ({@link #listing}), install and update (on this instance
 * at once, then on every instance through the chosen version, see {@link Reconciler}), each plugin's
 * history and auto-update policy. One change at a time on this instance: a click, the reconciler and
 * the auto-update never interleave.
 */
public final class RepositoryService {

    private static final int HISTORY_SHOWN = 10;

    private final PluginService plugins;
    private final RepositoryIndexes indexes;
    private final Offers offers;
    private final ReleaseInstaller installer;
    private final WantedVersions wanted;
    private final PluginHistory history;
    private final AutoUpdatePolicies policies;
    private final UpdatePolicy defaultPolicy;
    private final boolean configured;
    private final ReentrantLock changes = new ReentrantLock();

    public RepositoryService(RepositoryOptions options, PluginService plugins, Jdbi jdbi, Ids ids, Clock clock,
                             String instanceId) {
        this.plugins = plugins;
        RepositoryHttp http = new RepositoryHttp(options.limits().timeout());
        this.indexes = new RepositoryIndexes(options.repositories(), http, options.limits(), clock);
        this.offers = new Offers(plugins::requiresProblem);
        this.history = new PluginHistory(jdbi, ids, clock, instanceId);
        this.installer = new ReleaseInstaller(plugins, http, options.downloadDir(), options.limits().maxJarBytes(), history);
        this.wanted = new WantedVersions(jdbi, clock);
        this.policies = new AutoUpdatePolicies(jdbi);
        this.defaultPolicy = options.autoUpdate();
        this.configured = !options.repositories().isEmpty();
    }

    /** @return whether any repository is configured */
    public boolean configured() {
        return configured;
    }

    /** @return what the repositories offer (each index fetched at most once per cache period) */
    public RepositoryListing listing() {
        return offers.of(indexes.all(), installedVersions());
    }

    /**
     * Installs a plugin that is not installed: the given version, or the newest this host can run.
     *
     * @throws ValidationException unknown id or version, a version this host cannot run, a refused jar
     * @throws ConflictException already installed, the download failed or does not match its sha512
     */
    public PluginReport install(String id, String version, String actor) {
        return locked(() -> {
            String installed = installedVersions().get(id);
            if (installed != null) {
                throw new ConflictException("plugin '" + id + "' " + installed + " is already installed; "
                        + "POST /api/v1/plugins/" + id + "/update installs another version");
            }
            return apply(choose(id, version), null, actor);
        });
    }

    /**
     * Moves an installed plugin to the given version, or the newest this host can run, through the safe
     * upgrade (the running version is restored if the new one does not start).
     *
     * @throws NotFoundException if the plugin is not installed
     * @throws ConflictException no newer version, rolled back, download or sha512 problem
     */
    public PluginReport update(String id, String version, String actor) {
        return locked(() -> {
            String installed = plugins.report(id).version();
            if (version != null && Versions.valid(version) && !Versions.newer(version, installed)) {
                throw new ConflictException("plugin '" + id + "' " + installed + " is installed; version " + version
                        + " is not newer (a repository only updates; to downgrade, upload the jar with allow_downgrade)");
            }
            ChosenRelease release = choose(id, version);
            if (version == null && !Versions.newer(release.version(), installed)) {
                throw new ConflictException("plugin '" + id + "' " + installed + " is the newest version this host can "
                        + "run; nothing to update");
            }
            return apply(release, installed, actor);
        });
    }

    private PluginReport apply(ChosenRelease release, String installed, String actor) {
        PluginReport report = installer.apply(release, installed, actor);
        wanted.set(release, actor);
        return report;
    }

    /** @return the chosen release, from the repositories as they are now */
    private ChosenRelease choose(String id, String version) {
        for (RepositoryIndexes.Fetched repository : indexes.fresh()) {
            PluginListing listing = repository.index() == null ? null : repository.index().find(id).orElse(null);
            if (listing == null) {
                continue;
            }
            List<ChosenRelease> compatible = offers.compatible(repository.url(), listing);
            if (version == null) {
                if (compatible.isEmpty()) {
                    throw ValidationException.of("id", "no release of plugin '" + id + "' runs on this host"
                            + (listing.releases().isEmpty() ? " (it lists none)"
                            : " (the newest " + plugins.requiresProblem(listing.releases().get(0).requires()) + ")"));
                }
                return compatible.get(0);
            }
            if (listing.release(version).isEmpty()) {
                throw ValidationException.of("version", "plugin '" + id + "' has no version " + version + " in "
                        + repository.url() + "; it has " + listing.releases().stream().map(r -> r.version()).toList());
            }
            return compatible.stream().filter(r -> r.version().equals(version)).findFirst()
                    .orElseThrow(() -> ValidationException.of("version", "plugin '" + id + "' " + version + " "
                            + plugins.requiresProblem(listing.release(version).get().requires())));
        }
        throw ValidationException.of("id", "no configured plugin repository offers a plugin '" + id + "'"
                + (configured ? "" : " (none is configured: PLUGBOARD_PLUGIN_REPOSITORIES or pluginRepository(url))"));
    }

    /**
     * @return the plugin's latest installs, updates, rollbacks and refusals, newest first (a refused install
     *     of a plugin that is not installed too)
     * @throws NotFoundException if the plugin is not installed and has no history
     */
    public List<PluginHistory.Entry> history(String id) {
        List<PluginHistory.Entry> entries = history.of(id, HISTORY_SHOWN);
        if (entries.isEmpty()) {
            plugins.report(id);
        }
        return entries;
    }

    /**
     * @return the auto-update policy in force for the installed plugin: its own, else the host's default
     * @throws NotFoundException if the plugin is not installed
     */
    public UpdatePolicy policy(String id) {
        plugins.report(id);
        return policies.all().getOrDefault(id, defaultPolicy);
    }

    /** @return each plugin's own policy (plugins without one follow {@link #defaultPolicy()}) */
    public Map<String, UpdatePolicy> policies() {
        return policies.all();
    }

    public UpdatePolicy defaultPolicy() {
        return defaultPolicy;
    }

    /** @param policy the plugin's own policy, or null to follow the host's default */
    public void setPolicy(String id, UpdatePolicy policy) {
        plugins.report(id); // 404 for a plugin that is not installed
        policies.set(id, policy);
    }

    /** Brings this instance to the versions chosen on any instance (the {@link Reconciler}'s pass). */
    void follow(Reconciler reconciler) {
        locked(() -> {
            reconciler.pass(wanted.all(), installedVersions(), installer);
            return null;
        });
    }

    /** Installs what the auto-update policies allow (the {@link AutoUpdater}'s pass on the instance holding its lease). */
    void autoUpdate(AutoUpdater updater) {
        locked(() -> {
            updater.pass(offers.of(indexes.fresh(), installedVersions()), policies.all(), defaultPolicy, this::apply);
            return null;
        });
    }

    /** @return the version of each installed plugin (from a jar: development plugins are the author's own), by id */
    Map<String, String> installedVersions() {
        Map<String, String> versions = new HashMap<>();
        plugins.reports().stream().filter(r -> r.installed() && !r.development())
                .forEach(r -> versions.put(r.id(), r.version()));
        return versions;
    }

    private <T> T locked(Supplier<T> change) {
        changes.lock();
        try {
            return change.get();
        } finally {
            changes.unlock();
        }
    }
}
