package io.plugboard.host.internal.repository;

import io.plugboard.host.internal.common.Ids;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** What happened to each plugin through the repositories, on every instance: installs, updates, rollbacks, refusals. */
public final class PluginHistory {

    /**
     * One change.
     *
     * @param action {@code install}, {@code update}, {@code rollback} (the new version did not start; the previous
     *     one runs again) or {@code refused} (not installed: download, checksum, signature or requirement)
     * @param fromVersion the version before, or null
     * @param instanceId the instance it happened on
     * @param actor who asked: an admin, a token, {@code auto-update}, or {@code follow} (chosen on another instance)
     * @param message why, for a rollback or a refusal; else null
     */
    public record Entry(String pluginId, String action, String fromVersion, String toVersion, String instanceId,
                        String actor, String message, long at) {}

    private final Jdbi jdbi;
    private final Ids ids;
    private final Clock clock;
    private final String instanceId;

    PluginHistory(Jdbi jdbi, Ids ids, Clock clock, String instanceId) {
        this.jdbi = jdbi;
        this.ids = ids;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    void record(String pluginId, String action, String fromVersion, String toVersion, String actor, String message) {
        jdbi.useTransaction(h -> h.createUpdate("INSERT INTO plugin_history (id, plugin_id, action, from_version, "
                        + "to_version, instance_id, actor, message, at) VALUES (:id, :plugin, :action, :from, :to, "
                        + ":instance, :actor, :message, :at)")
                .bind("id", ids.next("phi")).bind("plugin", pluginId).bind("action", action).bind("from", fromVersion)
                .bind("to", toVersion).bind("instance", instanceId).bind("actor", actor).bind("message", message)
                .bind("at", clock.millis()).execute());
    }

    /** @return the plugin's latest changes, newest first */
    public List<Entry> of(String pluginId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT plugin_id, action, from_version, to_version, instance_id, "
                        + "actor, message, at FROM plugin_history WHERE plugin_id = :plugin ORDER BY id DESC LIMIT :limit")
                .bind("plugin", pluginId).bind("limit", limit)
                .map((rs, ctx) -> new Entry(rs.getString("plugin_id"), rs.getString("action"),
                        rs.getString("from_version"), rs.getString("to_version"), rs.getString("instance_id"),
                        rs.getString("actor"), rs.getString("message"), rs.getLong("at")))
                .list());
    }
}
