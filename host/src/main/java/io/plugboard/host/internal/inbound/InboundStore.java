package io.plugboard.host.internal.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.secrets.SealedSettings;
import io.plugboard.host.internal.secrets.SealedValues;
import io.plugboard.host.internal.storage.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes inbound webhooks; their counters and recent errors are written by {@link InboundRequestLog}.
 * Every statement binds its parameters.
 */
public final class InboundStore {

    private static final Logger log = LoggerFactory.getLogger(InboundStore.class);

    private final Jdbi jdbi;

    private final SealedSettings sealed;
    private final Clock clock;

    /** @param sealed seals each webhook's settings (receivers keep secrets there) with the secrets key */
    public InboundStore(Jdbi jdbi, ObjectMapper mapper, SealedValues sealed, Clock clock) {
        this.jdbi = jdbi;
        this.sealed = new SealedSettings(sealed, mapper);
        this.clock = clock;
    }

    void insert(InboundWebhook w) {
        jdbi.useTransaction(h -> h.createUpdate("INSERT INTO inbound_webhooks (id, name, receiver_id, plugin_id, plugin_version, "
                        + "upgrade_mode, settings, key_hash, key_prefix, state, created_at, updated_at, key_rotated_at, app_id) "
                        + "VALUES (:id, :name, :receiver, :plugin, :version, :mode, :settings, :hash, :prefix, :state, "
                        + ":at, :at, :at, :app)")
                .bind("app", w.appId())
                .bind("id", w.id()).bind("name", w.name()).bind("receiver", w.receiverId()).bind("plugin", w.pluginId())
                .bind("version", w.pluginVersion()).bind("mode", w.upgradeMode().name()).bind("settings", json(w.id(), w.settings()))
                .bind("hash", w.keyHash()).bind("prefix", w.keyPrefix()).bind("state", w.state().name())
                .bind("at", w.createdAt().toEpochMilli())
                .execute());
    }

    /** @return the inbound webhook of any application (a request to its URL names it by id alone) */
    Optional<InboundWebhook> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM inbound_webhooks WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> read(rs)).findOne());
    }

    /** @return the inbound webhook if it belongs to the application */
    Optional<InboundWebhook> find(String app, String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM inbound_webhooks WHERE id = :id AND app_id = :app")
                .bind("id", id).bind("app", app).map((rs, ctx) -> read(rs)).findOne());
    }

    InboundPage search(String app, InboundQuery q) {
        String where = InboundSearch.where(q) + " AND app_id = :app";
        return jdbi.withHandle(h -> {
            Query count = InboundSearch.bind(h.createQuery("SELECT COUNT(*) FROM inbound_webhooks" + where), q)
                    .bind("app", app);
            long total = count.mapTo(Long.class).one();
            Query page = InboundSearch.bind(h.createQuery("SELECT * FROM inbound_webhooks" + where
                    + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset"), q)
                    .bind("app", app).bind("limit", q.limit()).bind("offset", q.offset());
            return new InboundPage(page.map((rs, ctx) -> read(rs)).list(), total);
        });
    }

    /** Writes name, settings, upgrade mode, recorded version and state. */
    void update(InboundWebhook w, Instant at) {
        jdbi.useTransaction(h -> h.createUpdate("UPDATE inbound_webhooks SET name = :name, settings = :settings, "
                        + "upgrade_mode = :mode, plugin_version = :version, state = :state, updated_at = :at WHERE id = :id")
                .bind("id", w.id()).bind("name", w.name()).bind("settings", json(w.id(), w.settings()))
                .bind("mode", w.upgradeMode().name()).bind("version", w.pluginVersion()).bind("state", w.state().name())
                .bind("at", at.toEpochMilli())
                .execute());
    }

    void setKey(String id, String hash, String prefix, Instant at) {
        jdbi.useTransaction(h -> h.createUpdate("UPDATE inbound_webhooks SET key_hash = :hash, key_prefix = :prefix, "
                        + "key_rotated_at = :at, updated_at = :at WHERE id = :id")
                .bind("id", id).bind("hash", hash).bind("prefix", prefix).bind("at", at.toEpochMilli()).execute());
    }

    /** The receiver became available: every inbound webhook of it in AUTO mode follows its plugin's version. */
    public void followVersion(AvailableReceiver r) {
        try {
            followVersion(r.id(), r.pluginId(), r.pluginVersion(), clock.instant());
        } catch (RuntimeException e) {
            log.warn("Inbound webhooks of receiver '{}' could not follow version {}: {}", r.id(), r.pluginVersion(), e.toString());
        }
    }

    private void followVersion(String receiverId, String pluginId, String version, Instant at) {
        jdbi.useTransaction(h -> h.createUpdate("UPDATE inbound_webhooks SET plugin_version = :version, plugin_id = :plugin, "
                        + "updated_at = :at WHERE receiver_id = :receiver AND upgrade_mode = 'AUTO' AND "
                        + "(plugin_version <> :version OR plugin_id <> :plugin)")
                .bind("receiver", receiverId).bind("plugin", pluginId).bind("version", version).bind("at", at.toEpochMilli())
                .execute());
    }

    boolean delete(String app, String id) {
        return jdbi.inTransaction(h -> h.createUpdate("DELETE FROM inbound_webhooks WHERE id = :id AND app_id = :app")
                .bind("id", id).bind("app", app).execute()) > 0;
    }

    private InboundWebhook read(ResultSet rs) throws SQLException {
        return new InboundWebhook(rs.getString("id"), rs.getString("name"), rs.getString("receiver_id"),
                rs.getString("plugin_id"), rs.getString("plugin_version"),
                InboundWebhook.UpgradeMode.valueOf(rs.getString("upgrade_mode")), settings(rs.getString("id"), rs.getString("settings")),
                rs.getString("key_hash"), rs.getString("key_prefix"), InboundWebhook.State.valueOf(rs.getString("state")),
                Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"), Columns.instant(rs, "key_rotated_at"),
                new InboundWebhook.Stats(rs.getLong("requests_total"), rs.getLong("accepted_count"),
                        rs.getLong("rejected_count"), rs.getLong("parse_error_count"), Columns.instant(rs, "last_received_at")),
                rs.getString("app_id"));
    }

    private String json(String id, Map<String, String> settings) {
        return sealed.seal(place(id), settings);
    }

    private Map<String, String> settings(String id, String stored) {
        return sealed.open(place(id), stored);
    }

    private static String place(String id) {
        return "inbound-settings:" + id;
    }
}
