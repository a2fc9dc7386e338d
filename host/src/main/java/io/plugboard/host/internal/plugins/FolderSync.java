package io.plugboard.host.internal.plugins;

import io.plugboard.host.internal.common.ConflictException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the installed plugins in line with the plugins folder, recomputed from the folder at every
 * look. Per plugin id the highest version that starts is installed: a plugin whose jar is gone is
 * removed (and the next highest jar present, if any, installed); a higher version is an upgrade
 * through {@link SafeUpgrade}, so one that does not start is rolled back. A lower version written
 * over the running one's jar is a downgrade and waits for the admin ({@link #allowDowngrade}). The
 * versions that did not start are remembered in {@link FailedJars}, across restarts.
 */
final class FolderSync {

    private static final Logger log = LoggerFactory.getLogger(FolderSync.class);

    private final PluginFolder folder;
    private final FolderJars jars;
    private final PluginCatalog catalog;
    private final PluginDeployer deployer;
    private final SafeUpgrade upgrade;
    private final JarInspector inspector;
    private final FailedJars failures;
    private final Set<String> downgradeAllowed = new HashSet<>();

    FolderSync(PluginFolder folder, FolderJars jars, PluginCatalog catalog, PluginDeployer deployer,
               SafeUpgrade upgrade, JarInspector inspector, FailedJars failures) {
        this.folder = folder;
        this.jars = jars;
        this.catalog = catalog;
        this.deployer = deployer;
        this.upgrade = upgrade;
        this.inspector = inspector;
        this.failures = failures;
    }

    /** @param ready the jars unchanged since the previous look (their content is complete), or null for all */
    void apply(Map<Path, Fingerprint> ready) {
        Map<Path, Fingerprint> now = folder.scan();
        jars.update(now, ready);
        failures.keepUnchanged(now);
        boolean changed = false;
        List<String> fresh = new ArrayList<>();
        for (String id : ids()) {
            InstalledPlugin plugin = catalog.find(id);
            if (plugin != null && !backed(plugin)) {
                deployer.remove(plugin, "its jar " + plugin.source().getFileName()
                        + (now.containsKey(plugin.source()) ? " now holds something else" : " was deleted"));
                forget(id);
                plugin = null;
                changed = true;
            }
            if (plugin == null && installBest(id)) {
                fresh.add(id);
                changed = true;
            }
        }
        if (changed) {
            deployer.settle();
        }
        fresh.forEach(this::fallBackWhileNotStarted);
        ids().forEach(this::upgradeToBest);
    }

    /** The admin's explicit action: installs the highest version present, lower than the running one. */
    void allowDowngrade(String id) {
        if (FolderRows.downgradeWaiting(catalog.find(id), jars, inspector) == null) {
            throw new ConflictException("no downgrade of plugin '" + id + "' is waiting: the jar it runs from in the "
                    + "plugins folder does not hold a lower version");
        }
        downgradeAllowed.add(id);
        try {
            upgradeToBest(id);
        } finally {
            downgradeAllowed.remove(id);
        }
    }

    Map<Path, FailedJars.Failure> failures() {
        return failures.all();
    }

    /** Forgets what was remembered of the plugin's jars (it was removed or uninstalled). */
    void forget(String id) {
        for (FolderJars.Jar jar : jars.of(id)) {
            failures.forget(jar.file());
        }
    }

    private Set<String> ids() {
        Set<String> ids = new TreeSet<>(jars.ids());
        catalog.all().stream().filter(p -> !p.development()).forEach(p -> ids.add(p.id()));
        return ids;
    }

    /** @return true if the plugin's jar is still in the folder and still holds it (perhaps a newer version) */
    private boolean backed(InstalledPlugin plugin) {
        if (plugin.development()) {
            return true;
        }
        FolderJars.Jar own = jars.at(plugin.source());
        return own != null && plugin.id().equals(own.id());
    }

    /**
     * Installs the highest jar of a plugin that is not installed; @return true if one was. The jars
     * that did not start are left out while another version is present: if none is (it was removed
     * while the host was down), they are forgotten and tried again.
     */
    private boolean installBest(String id) {
        List<FolderJars.Jar> candidates = candidates(id);
        if (candidates.isEmpty()) {
            forget(id);
            candidates = candidates(id);
        }
        for (FolderJars.Jar jar : candidates) {
            try {
                deployer.install(jar);
                return true;
            } catch (BadPluginJarException e) {
                jars.broken(jar, e.getMessage());
            }
        }
        return false;
    }

    /** A just-installed version that did not start gives way to the next highest jar present, if any. */
    private void fallBackWhileNotStarted(String id) {
        InstalledPlugin plugin = catalog.find(id);
        while (plugin != null && plugin.wanted() && plugin.status() != PluginStatus.ACTIVE) {
            FolderJars.Jar next = candidates(id).stream()
                    .filter(j -> inspector.lower(j.version(), catalog.find(id).version())).findFirst().orElse(null);
            if (next == null) {
                return;
            }
            failures.record(plugin.source(), id, new FailedJars.Failure(plugin.fingerprint(), plugin.reason()));
            log.warn("Plugin '{}' {} did not start; trying {} from {}", id, plugin.version(), next.version(),
                    next.file().getFileName());
            try {
                upgrade.apply(plugin, next);
            } catch (BadPluginJarException e) {
                jars.broken(next, e.getMessage());
            }
        }
    }

    /** Moves an installed plugin to the highest jar present, unless that is a downgrade the admin did not allow. */
    private void upgradeToBest(String id) {
        for (int tries = jars.of(id).size(); tries >= 0; tries--) {
            InstalledPlugin plugin = catalog.find(id);
            if (plugin == null || plugin.development()) {
                return;
            }
            List<FolderJars.Jar> candidates = candidates(id);
            FolderJars.Jar best = candidates.isEmpty() ? null : candidates.get(0);
            // Its own jar, unchanged, stays in use unless a higher version is present (a copy of the same
            // version under another name changes nothing).
            boolean ownPresent = candidates.stream().anyMatch(j -> j.is(plugin.source(), plugin.fingerprint()));
            if (best == null || ownPresent && !inspector.lower(plugin.version(), best.version())
                    || inspector.lower(best.version(), plugin.version()) && !downgradeAllowed.contains(id)) {
                return;
            }
            try {
                String failure = upgrade.apply(plugin, best);
                if (failure != null) {
                    failures.record(best.file(), id, new FailedJars.Failure(best.fingerprint(), failure));
                }
            } catch (BadPluginJarException e) {
                jars.broken(best, e.getMessage());
            }
        }
    }

    /** @return the plugin's readable jars, highest first, without those that did not start */
    private List<FolderJars.Jar> candidates(String id) {
        return jars.of(id).stream().filter(j -> failures.of(j.file(), j.fingerprint()) == null).toList();
    }
}
