package io.plugboard.host.internal.settings;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The table {@code plugin_settings}: one row per plugin and key, the value as text (bound parameters only). */
final class SettingsStore {

    private final Jdbi jdbi;
    private final Clock clock;

    SettingsStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    Map<String, String> load(String pluginId) {
        Map<String, String> values = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT setting_key, setting_value FROM plugin_settings WHERE plugin_id = :p")
                .bind("p", pluginId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> values.put(e.getKey(), e.getValue())));
        return values;
    }

    /** Writes the changes in one transaction; a null value deletes the key. */
    void save(String pluginId, Map<String, String> changes) {
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            for (Map.Entry<String, String> change : changes.entrySet()) {
                if (change.getValue() == null) {
                    h.createUpdate("DELETE FROM plugin_settings WHERE plugin_id = :p AND setting_key = :k")
                            .bind("p", pluginId).bind("k", change.getKey()).execute();
                } else {
                    h.createUpdate("INSERT INTO plugin_settings (plugin_id, setting_key, setting_value, updated_at) "
                                    + "VALUES (:p, :k, :v, :at) ON CONFLICT (plugin_id, setting_key) "
                                    + "DO UPDATE SET setting_value = excluded.setting_value, updated_at = excluded.updated_at")
                            .bind("p", pluginId).bind("k", change.getKey()).bind("v", change.getValue()).bind("at", now)
                            .execute();
                }
            }
        });
    }

    void deleteAll(String pluginId) {
        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM plugin_settings WHERE plugin_id = :p").bind("p", pluginId).execute());
    }
}
