package io.plugboard.host.internal.plugins;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The jars of the plugins folder whose version did not start while another version of the plugin
 * could run, with why ({@link FolderSync} keeps to the version that runs). Stored in
 * {@code plugin_jar_failures} (V16), so a broken upgrade left in the folder is not started again at
 * every host start, and read once at start; an entry holds only while its jar keeps the fingerprint
 * it had, so a replaced jar is tried again. Used under the plugin service's lock only.
 */
final class FailedJars {

    /** A jar whose version did not start, as it was then (its fingerprint), and why. */
    record Failure(Fingerprint fingerprint, String reason) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final Map<Path, Failure> byFile = new HashMap<>();

    /** Reads what an earlier run of the host remembered about the jars of {@code folder}. */
    FailedJars(Jdbi jdbi, Clock clock, Path folder) {
        this.jdbi = jdbi;
        this.clock = clock;
        jdbi.useHandle(h -> h.createQuery("SELECT file_name, fingerprint, reason FROM plugin_jar_failures")
                .map((rs, ctx) -> {
                    Fingerprint fingerprint = Fingerprint.parse(rs.getString("fingerprint"));
                    if (fingerprint != null) {
                        byFile.put(folder.resolve(rs.getString("file_name")), new Failure(fingerprint, rs.getString("reason")));
                    }
                    return null;
                }).list());
    }

    /** @return the failure remembered for the jar as it is now (same fingerprint), or null */
    Failure of(Path file, Fingerprint fingerprint) {
        Failure failure = byFile.get(file);
        return failure != null && failure.fingerprint().equals(fingerprint) ? failure : null;
    }

    Map<Path, Failure> all() {
        return Map.copyOf(byFile);
    }

    void record(Path file, String pluginId, Failure failure) {
        byFile.put(file, failure);
        jdbi.useTransaction(h -> h.createUpdate("INSERT INTO plugin_jar_failures (file_name, fingerprint, plugin_id, "
                        + "reason, failed_at) VALUES (:file, :fingerprint, :plugin, :reason, :now) ON CONFLICT (file_name) "
                        + "DO UPDATE SET fingerprint = excluded.fingerprint, plugin_id = excluded.plugin_id, "
                        + "reason = excluded.reason, failed_at = excluded.failed_at")
                .bind("file", name(file)).bind("fingerprint", failure.fingerprint().text()).bind("plugin", pluginId)
                .bind("reason", failure.reason()).bind("now", clock.millis()).execute());
    }

    /** Forgets the jars that are gone from the folder or changed: they are tried again. */
    void keepUnchanged(Map<Path, Fingerprint> now) {
        for (Map.Entry<Path, Failure> entry : Map.copyOf(byFile).entrySet()) {
            if (!entry.getValue().fingerprint().equals(now.get(entry.getKey()))) {
                forget(entry.getKey());
            }
        }
    }

    void forget(Path file) {
        if (byFile.remove(file) != null) {
            jdbi.useTransaction(h -> h.createUpdate("DELETE FROM plugin_jar_failures WHERE file_name = :file")
                    .bind("file", name(file)).execute());
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}
