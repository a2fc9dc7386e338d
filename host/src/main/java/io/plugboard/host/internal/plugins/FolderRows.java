package io.plugboard.host.internal.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jars of the plugins folder that are not an installed plugin itself, each with its state and
 * reason, worked out afresh from the folder and the catalog every time (so never stale). Each new
 * row, or new reason, is logged once, when the change that made it is done.
 */
final class FolderRows {

    private static final Logger log = LoggerFactory.getLogger(FolderRows.class);

    private final FolderJars jars;
    private final PluginCatalog catalog;
    private final FolderSync sync;
    private final JarInspector inspector;
    private Set<JarRow> logged = Set.of();

    FolderRows(FolderJars jars, PluginCatalog catalog, FolderSync sync, JarInspector inspector) {
        this.jars = jars;
        this.catalog = catalog;
        this.sync = sync;
        this.inspector = inspector;
    }

    /** @return the jar a lower version was written into, in place of the plugin's running one; or null */
    static FolderJars.Jar downgradeWaiting(InstalledPlugin plugin, FolderJars jars, JarInspector inspector) {
        if (plugin == null || plugin.development()) {
            return null;
        }
        FolderJars.Jar own = jars.at(plugin.source());
        return own != null && plugin.id().equals(own.id()) && !own.fingerprint().equals(plugin.fingerprint())
                && inspector.lower(own.version(), plugin.version()) ? own : null;
    }

    /** Called with the plugin service's lock held. */
    List<JarRow> rows() {
        List<JarRow> rows = new ArrayList<>(catalog.brokenDevelopment());
        Map<Path, FailedJars.Failure> failures = sync.failures();
        for (FolderJars.Jar jar : jars.all()) {
            if (jar.problem() != null) {
                rows.add(JarRow.broken(jar.file(), jar.problem()));
                continue;
            }
            InstalledPlugin plugin = catalog.find(jar.id());
            if (plugin == null || jar.is(plugin.source(), plugin.fingerprint())) {
                continue; // the plugin itself (or one about to be installed)
            }
            FailedJars.Failure failure = failures.get(jar.file());
            PluginStatus state = PluginStatus.REFUSED;
            String reason;
            if (plugin.development()) {
                reason = "plugin '" + plugin.id() + "' is loaded from a classes directory (development mode); "
                        + "this jar is not used";
            } else if (failure != null && failure.fingerprint().equals(jar.fingerprint())) {
                reason = "version " + jar.version() + " did not start (" + failure.reason() + "); rolled back to version "
                        + plugin.version() + ", " + from(plugin) + "; replace or remove this jar";
            } else if (jar == downgradeWaiting(plugin, jars, inspector)) {
                reason = "version " + jar.version() + " is lower than the installed " + plugin.version()
                        + ": a downgrade is not applied on its own; allow it with Downgrade on /admin/plugins or "
                        + "POST /api/v1/plugins/" + plugin.id() + "/downgrade (version " + plugin.version()
                        + " runs from a private copy meanwhile)";
            } else if (inspector.lower(plugin.version(), jar.version())) {
                continue; // a higher version about to be installed (the change is under way)
            } else {
                state = PluginStatus.SUPERSEDED;
                reason = "superseded by " + plugin.version() + " (" + plugin.source().getFileName() + ")";
            }
            rows.add(new JarRow(jar.file(), jar.id(), jar.version(), state, reason));
        }
        return rows;
    }

    private String from(InstalledPlugin plugin) {
        FolderJars.Jar own = jars.at(plugin.source());
        return own != null && own.is(plugin.source(), plugin.fingerprint())
                ? "from " + plugin.source().getFileName() : "kept as a private copy";
    }

    /** Logs the rows that are new, or have a new reason, since the last call: once per change, not per look. */
    void logNew(List<JarRow> rows) {
        Set<JarRow> now = new HashSet<>(rows);
        for (JarRow row : rows) {
            if (!logged.contains(row)) {
                String name = row.file().getFileName().toString();
                if (row.state() == PluginStatus.SUPERSEDED) {
                    log.info("{} in the plugins folder is not used: plugin '{}' {} is {}", name, row.id(), row.version(),
                            row.reason());
                } else if (row.id() == null) {
                    log.warn("{} is not a plugin the host can load: {}", name, row.reason());
                } else {
                    log.warn("{} in the plugins folder is refused: plugin '{}' {}: {}", name, row.id(), row.version(),
                            row.reason());
                }
            }
        }
        logged = now;
    }
}
