package io.plugboard.host.internal.inbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.secrets.SealedValues;
import io.plugboard.host.internal.storage.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes inbound webhooks and their recent errors. Every statement binds its parameters. */
public final class InboundStore {

    /** How much of a refused body is kept. */
    public static final int BODY_KEPT = 4096;
    /** How many recent errors are kept per inbound webhook. */
    public static final int ERRORS_KEPT = 20;

    private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {};

    private static final Logger log = LoggerFactory.getLogger(InboundStore.class);

    private final Jdbi jdbi;
    private final ObjectMapper mapper;
    private final SealedValues sealed;
    private final Clock clock;

    /** @param sealed seals each webhook's settings (receivers keep secrets there) with the secrets key */
    public InboundStore(Jdbi jdbi, ObjectMapper mapper, SealedValues sealed, Clock clock) {
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.sealed = sealed;
        this.clock = clock;
    }

    void insert(InboundWebhook w) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO inbound_webhooks (id, name, receiver_id, plugin_id, plugin_version, "
                        + "upgrade_mode, settings, key_hash, key_prefix, state, created_at, updated_at, key_rotated_at) "
                        + "VALUES (:id, :name, :receiver, :plugin, :version, :mode, :settings, :hash, :prefix, :state, "
                        + ":at, :at, :at)")
                .bind("id", w.id()).bind("name", w.name()).bind("receiver", w.receiverId()).bind("plugin", w.pluginId())
                .bind("version", w.pluginVersion()).bind("mode", w.upgradeMode().name()).bind("settings", json(w.id(), w.settings()))
                .bind("hash", w.keyHash()).bind("prefix", w.keyPrefix()).bind("state", w.state().name())
                .bind("at", w.createdAt().toEpochMilli())
                .execute());
    }

    Optional<InboundWebhook> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM inbound_webhooks WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> read(rs)).findOne());
    }

    InboundPage search(InboundQuery q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" AND LOWER(name) LIKE :text ESCAPE '\\'");
        }
        if (q.state() != null) {
            where.append(" AND state = :state");
        }
        if (q.receiverId() != null && !q.receiverId().isBlank()) {
            where.append(" AND receiver_id = :receiver");
        }
        return jdbi.withHandle(h -> {
            Query count = bind(h.createQuery("SELECT COUNT(*) FROM inbound_webhooks" + where), q);
            long total = count.mapTo(Long.class).one();
            Query page = bind(h.createQuery("SELECT * FROM inbound_webhooks" + where
                    + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset"), q)
                    .bind("limit", q.limit()).bind("offset", q.offset());
            return new InboundPage(page.map((rs, ctx) -> read(rs)).list(), total);
        });
    }

    private static Query bind(Query query, InboundQuery q) {
        if (q.text() != null && !q.text().isBlank()) {
            String escaped = q.text().strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            query.bind("text", "%" + escaped + "%");
        }
        if (q.state() != null) {
            query.bind("state", q.state().name());
        }
        if (q.receiverId() != null && !q.receiverId().isBlank()) {
            query.bind("receiver", q.receiverId());
        }
        return query;
    }

    /** Writes name, settings, upgrade mode, recorded version and state. */
    void update(InboundWebhook w, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE inbound_webhooks SET name = :name, settings = :settings, "
                        + "upgrade_mode = :mode, plugin_version = :version, state = :state, updated_at = :at WHERE id = :id")
                .bind("id", w.id()).bind("name", w.name()).bind("settings", json(w.id(), w.settings()))
                .bind("mode", w.upgradeMode().name()).bind("version", w.pluginVersion()).bind("state", w.state().name())
                .bind("at", at.toEpochMilli())
                .execute());
    }

    void setKey(String id, String hash, String prefix, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE inbound_webhooks SET key_hash = :hash, key_prefix = :prefix, "
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
        jdbi.useHandle(h -> h.createUpdate("UPDATE inbound_webhooks SET plugin_version = :version, plugin_id = :plugin, "
                        + "updated_at = :at WHERE receiver_id = :receiver AND upgrade_mode = 'AUTO' AND "
                        + "(plugin_version <> :version OR plugin_id <> :plugin)")
                .bind("receiver", receiverId).bind("plugin", pluginId).bind("version", version).bind("at", at.toEpochMilli())
                .execute());
    }

    boolean delete(String id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM inbound_webhooks WHERE id = :id").bind("id", id).execute()) > 0;
    }

    /** Counts an accepted request that emitted nothing (a handshake, an empty result, only retries). */
    void countAccepted(String id, Instant at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE inbound_webhooks SET requests_total = requests_total + 1, "
                + "accepted_count = accepted_count + 1, last_received_at = :at WHERE id = :id")
                .bind("id", id).bind("at", at.toEpochMilli()).execute());
    }

    /**
     * Counts a refused request and keeps it among the recent errors, dropping the oldest beyond
     * {@link #ERRORS_KEPT}, in one transaction.
     *
     * @param parseError counted as a parse error, else as rejected
     */
    void recordError(String inboundId, InboundError e, boolean parseError) {
        String counter = parseError ? "parse_error_count" : "rejected_count";
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE inbound_webhooks SET requests_total = requests_total + 1, " + counter + " = "
                            + counter + " + 1, last_received_at = :at WHERE id = :id")
                    .bind("id", inboundId).bind("at", e.receivedAt().toEpochMilli()).execute();
            h.createUpdate("INSERT INTO inbound_errors (id, inbound_id, received_at, status, kind, message, content_type, "
                            + "body, body_bytes) VALUES (:id, :inbound, :at, :status, :kind, :message, :type, :body, :bytes)")
                    .bind("id", e.id()).bind("inbound", inboundId).bind("at", e.receivedAt().toEpochMilli())
                    .bind("status", e.status()).bind("kind", e.kind()).bind("message", e.message())
                    .bind("type", e.contentType()).bind("body", e.body()).bind("bytes", e.bodyBytes())
                    .execute();
            h.createUpdate("DELETE FROM inbound_errors WHERE inbound_id = :inbound AND id NOT IN (SELECT id FROM "
                            + "inbound_errors WHERE inbound_id = :inbound ORDER BY received_at DESC, id DESC LIMIT :kept)")
                    .bind("inbound", inboundId).bind("kept", ERRORS_KEPT).execute();
        });
    }

    List<InboundError> errors(String inboundId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM inbound_errors WHERE inbound_id = :inbound "
                        + "ORDER BY received_at DESC, id DESC LIMIT :limit")
                .bind("inbound", inboundId).bind("limit", limit)
                .map((rs, ctx) -> new InboundError(rs.getString("id"), Columns.instant(rs, "received_at"),
                        rs.getInt("status"), rs.getString("kind"), rs.getString("message"), rs.getString("content_type"),
                        rs.getString("body"), rs.getLong("body_bytes")))
                .list());
    }

    private InboundWebhook read(ResultSet rs) throws SQLException {
        return new InboundWebhook(rs.getString("id"), rs.getString("name"), rs.getString("receiver_id"),
                rs.getString("plugin_id"), rs.getString("plugin_version"),
                InboundWebhook.UpgradeMode.valueOf(rs.getString("upgrade_mode")), settings(rs.getString("id"), rs.getString("settings")),
                rs.getString("key_hash"), rs.getString("key_prefix"), InboundWebhook.State.valueOf(rs.getString("state")),
                Columns.instant(rs, "created_at"), Columns.instant(rs, "updated_at"), Columns.instant(rs, "key_rotated_at"),
                new InboundWebhook.Stats(rs.getLong("requests_total"), rs.getLong("accepted_count"),
                        rs.getLong("rejected_count"), rs.getLong("parse_error_count"), Columns.instant(rs, "last_received_at")));
    }

    /** The settings as JSON, sealed whole: which of them are secret only the receiver knows. */
    private String json(String id, Map<String, String> settings) {
        try {
            return sealed.seal(place(id), mapper.writeValueAsString(settings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings cannot be written as JSON", e);
        }
    }

    /** Settings stored before sealing read as they are; ones that no longer open count as unset (logged). */
    private Map<String, String> settings(String id, String stored) {
        Optional<String> json = sealed.open(place(id), stored);
        if (json.isEmpty()) {
            log.warn("The settings of inbound webhook {} cannot be decrypted (was the secrets key changed?); "
                    + "they count as unset until they are entered again", id);
            return Map.of();
        }
        try {
            return mapper.readValue(json.get(), SETTINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored settings are not JSON", e);
        }
    }

    private static String place(String id) {
        return "inbound-settings:" + id;
    }
}
