package io.plugboard.host.internal.plugins;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Remembers whether the admin wants each plugin active, so the choice survives a restart. */
final class PluginStateStore {

    private final Jdbi jdbi;
    private final Clock clock;

    PluginStateStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** @return plugin id → chosen active flag; plugins without an entry are active */
    Map<String, Boolean> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT plugin_id, active FROM plugin_states")
                .map((rs, ctx) -> Map.entry(rs.getString("plugin_id"), rs.getBoolean("active")))
                .list()).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    void set(String pluginId, boolean active) {
        jdbi.useTransaction(h -> h.createUpdate("INSERT INTO plugin_states (plugin_id, active, changed_at) "
                        + "VALUES (:id, :active, :now) ON CONFLICT (plugin_id) "
                        + "DO UPDATE SET active = excluded.active, changed_at = excluded.changed_at")
                .bind("id", pluginId).bind("active", active).bind("now", clock.millis()).execute());
    }

    void forget(String pluginId) {
        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM plugin_states WHERE plugin_id = :id")
                .bind("id", pluginId).execute());
    }
}
