package io.plugboard.host.internal.plugins;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Plugins whose {@code start()} hung or threw an {@link Error} (table {@code plugin_quarantine},
 * V11): they are not started again, at this or a later host start, until their jar changes (another
 * fingerprint) or an admin activates them. Development plugins are never held: their author is
 * rebuilding them. The admin's own choice stays in {@link PluginStateStore}.
 */
final class PluginQuarantine {

    private final Jdbi jdbi;
    private final Clock clock;

    PluginQuarantine(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Holds the plugin's current jar back, with why. */
    void hold(InstalledPlugin plugin, String reason) {
        if (plugin.development() || plugin.fingerprint() == null) {
            return;
        }
        jdbi.useTransaction(h -> h.createUpdate("INSERT INTO plugin_quarantine (plugin_id, fingerprint, reason, held_at) "
                        + "VALUES (:id, :fingerprint, :reason, :now) ON CONFLICT (plugin_id) DO UPDATE SET "
                        + "fingerprint = excluded.fingerprint, reason = excluded.reason, held_at = excluded.held_at")
                .bind("id", plugin.id()).bind("fingerprint", plugin.fingerprint().text()).bind("reason", reason)
                .bind("now", clock.millis()).execute());
    }

    /** @return why the plugin's current jar is held back, or null (a hold on another jar is dropped) */
    String heldReason(InstalledPlugin plugin) {
        if (plugin.development() || plugin.fingerprint() == null) {
            return null;
        }
        Optional<String[]> row = jdbi.withHandle(h -> h.createQuery(
                        "SELECT fingerprint, reason FROM plugin_quarantine WHERE plugin_id = :id")
                .bind("id", plugin.id())
                .map((rs, ctx) -> new String[] {rs.getString("fingerprint"), rs.getString("reason")})
                .findOne());
        if (row.isEmpty()) {
            return null;
        }
        if (!row.get()[0].equals(plugin.fingerprint().text())) {
            release(plugin.id());
            return null;
        }
        return row.get()[1];
    }

    /** Forgets the hold: the next start tries the plugin again. */
    void release(String pluginId) {
        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM plugin_quarantine WHERE plugin_id = :id")
                .bind("id", pluginId).execute());
    }
}
