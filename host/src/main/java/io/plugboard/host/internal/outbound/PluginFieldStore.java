package io.plugboard.host.internal.outbound;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The table {@code webhook_plugin_fields}: the values (secret ones sealed) of the fields plugins add to
 * the webhook form, by webhook, plugin and key (bound parameters only).
 */
final class PluginFieldStore {

    private final Jdbi jdbi;

    PluginFieldStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @return plugin id → key → stored value */
    Map<String, Map<String, String>> load(String webhookId) {
        Map<String, Map<String, String>> out = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT plugin_id, key, value FROM webhook_plugin_fields WHERE webhook_id = :w")
                .bind("w", webhookId)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .forEach(r -> out.computeIfAbsent(r[0], k -> new HashMap<>()).put(r[1], r[2])));
        return out;
    }

    /** Replaces the plugin's values for the webhook, inside the caller's transaction (the webhook's save). */
    static void replace(Handle h, String webhookId, String pluginId, Map<String, String> values) {
        h.createUpdate("DELETE FROM webhook_plugin_fields WHERE webhook_id = :w AND plugin_id = :p")
                .bind("w", webhookId).bind("p", pluginId).execute();
        for (Map.Entry<String, String> e : values.entrySet()) {
            h.createUpdate("INSERT INTO webhook_plugin_fields (webhook_id, plugin_id, key, value) VALUES (:w, :p, :k, :v)")
                    .bind("w", webhookId).bind("p", pluginId).bind("k", e.getKey()).bind("v", e.getValue()).execute();
        }
    }

    void deletePlugin(String pluginId) {
        jdbi.useTransaction(h -> h.createUpdate("DELETE FROM webhook_plugin_fields WHERE plugin_id = :p")
                .bind("p", pluginId).execute());
    }
}
