package io.plugboard.host.internal.repository;

import java.util.Map;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Each plugin's own auto-update policy, chosen by an admin; a plugin without one follows the host's default. */
final class AutoUpdatePolicies {

    private final Jdbi jdbi;

    AutoUpdatePolicies(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @return plugin id → its own policy */
    Map<String, UpdatePolicy> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT plugin_id, policy FROM plugin_auto_update")
                .map((rs, ctx) -> Map.entry(rs.getString("plugin_id"), UpdatePolicy.parse(rs.getString("policy"))))
                .list()).stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** @param policy the plugin's own policy, or null to follow the host's default */
    void set(String pluginId, UpdatePolicy policy) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM plugin_auto_update WHERE plugin_id = :id").bind("id", pluginId).execute();
            if (policy != null) {
                h.createUpdate("INSERT INTO plugin_auto_update (plugin_id, policy) VALUES (:id, :policy)")
                        .bind("id", pluginId).bind("policy", policy.key()).execute();
            }
        });
    }
}
