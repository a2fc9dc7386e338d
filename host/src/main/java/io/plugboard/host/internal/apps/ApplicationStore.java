package io.plugboard.host.internal.apps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.host.internal.common.DefaultApp;
import io.plugboard.host.internal.storage.Columns;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The {@code applications} table, and the removal of everything an application holds. Parameters are bound. */
final class ApplicationStore {

    private static final String COLUMNS = "id, uid, name, metadata, allowed_event_types, frame_ancestors, theme, "
            + "retention_days, auto_disable_after_hours, created_at, updated_at";

    /**
     * What an application's removal deletes, in order, each bound to {@code :app}: its webhooks take their
     * subscriptions, plugin fields, rate buckets, deliveries and attempts along (foreign keys with cascade);
     * its events take their inbound records; the per-minute statistics are keyed by webhook only.
     */
    private static final List<String> REMOVAL = List.of(
            "DELETE FROM attempt_minutes WHERE webhook_id IN (SELECT id FROM webhooks WHERE app_id = :app)",
            "DELETE FROM attempt_hours WHERE webhook_id IN (SELECT id FROM webhooks WHERE app_id = :app)",
            "DELETE FROM webhooks WHERE app_id = :app",
            "DELETE FROM inbound_webhooks WHERE app_id = :app",
            "DELETE FROM events WHERE app_id = :app",
            "DELETE FROM secrets WHERE app_id = :app",
            "DELETE FROM api_tokens WHERE app_id = :app",
            "DELETE FROM portal_links WHERE app_id = :app",
            "DELETE FROM portal_sessions WHERE app_id = :app",
            "DELETE FROM applications WHERE id = :app");

    private final Jdbi jdbi;
    private final ObjectMapper mapper;

    ApplicationStore(Jdbi jdbi, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.mapper = mapper;
    }

    /** @return false if the uid is taken (nothing written then) */
    boolean insert(Application a) {
        try {
            return tryInsert(a);
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            // Another instance inserted the same uid between the check and the insert: the unique key refused it.
            if (find(a.uid()).isPresent()) {
                return false;
            }
            throw e;
        }
    }

    private boolean tryInsert(Application a) {
        return jdbi.inTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM applications WHERE uid = :uid").bind("uid", a.uid())
                    .mapTo(Long.class).one() > 0) {
                return false;
            }
            h.createUpdate("INSERT INTO applications (" + COLUMNS + ") VALUES (:id, :uid, :name, :metadata, :allowed, "
                            + ":frames, :theme, :retention, :autoDisable, :createdAt, :updatedAt)")
                    .bind("id", a.id()).bind("uid", a.uid()).bind("name", a.name())
                    .bind("metadata", write(a.metadata())).bind("allowed", write(a.allowedEventTypes().patterns()))
                    .bind("frames", write(a.frameAncestors())).bind("theme", write(a.theme()))
                    .bind("retention", a.delivery().retentionDays())
                    .bind("autoDisable", a.delivery().autoDisableAfterHours())
                    .bind("createdAt", a.createdAt().toEpochMilli()).bind("updatedAt", a.updatedAt().toEpochMilli())
                    .execute();
            return true;
        });
    }

    /**
     * Writes the application's new state; when its allowed event types narrow, its webhooks' subscriptions to
     * types no longer allowed go in the same transaction, so no event of such a type reaches them.
     *
     * @return false if the new uid is another application's (nothing written then)
     */
    boolean update(Application a) {
        return jdbi.inTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM applications WHERE uid = :uid AND id <> :id").bind("uid", a.uid())
                    .bind("id", a.id()).mapTo(Long.class).one() > 0) {
                return false;
            }
            h.createUpdate("UPDATE applications SET uid = :uid, name = :name, metadata = :metadata, "
                            + "allowed_event_types = :allowed, frame_ancestors = :frames, theme = :theme, "
                            + "retention_days = :retention, auto_disable_after_hours = :autoDisable, "
                            + "updated_at = :updatedAt WHERE id = :id")
                    .bind("id", a.id()).bind("uid", a.uid()).bind("name", a.name())
                    .bind("metadata", write(a.metadata())).bind("allowed", write(a.allowedEventTypes().patterns()))
                    .bind("frames", write(a.frameAncestors())).bind("theme", write(a.theme()))
                    .bind("retention", a.delivery().retentionDays())
                    .bind("autoDisable", a.delivery().autoDisableAfterHours())
                    .bind("updatedAt", a.updatedAt().toEpochMilli())
                    .execute();
            if (!a.allowedEventTypes().allowsAll()) {
                dropDisallowedSubscriptions(h, a);
            }
            return true;
        });
    }

    private static void dropDisallowedSubscriptions(Handle h, Application a) {
        List<String> types = h.createQuery("SELECT DISTINCT we.event_type FROM webhook_events we JOIN webhooks w "
                        + "ON w.id = we.webhook_id WHERE w.app_id = :app")
                .bind("app", a.id()).mapTo(String.class).list();
        List<String> dropped = types.stream().filter(t -> !a.allows(t)).toList();
        if (!dropped.isEmpty()) {
            h.createUpdate("DELETE FROM webhook_events WHERE event_type IN (<types>) "
                            + "AND webhook_id IN (SELECT id FROM webhooks WHERE app_id = :app)")
                    .bindList("types", dropped).bind("app", a.id()).execute();
        }
    }

    /** @param ref an application's id or uid */
    Optional<Application> find(String ref) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM applications WHERE id = :ref OR uid = :ref "
                        + "ORDER BY CASE WHEN id = :ref THEN 0 ELSE 1 END")
                .bind("ref", ref).map((rs, ctx) -> row(rs)).findFirst());
    }

    List<Application> list(int limit, int offset) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM applications "
                        + "ORDER BY CASE WHEN id = :default THEN 0 ELSE 1 END, created_at, id LIMIT :limit OFFSET :offset")
                .bind("default", DefaultApp.ID).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> row(rs)).list());
    }

    long count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM applications").mapTo(Long.class).one());
    }

    /** @return how many webhooks, inbound webhooks, secrets and deliveries the application holds */
    Holdings holdings(String id) {
        return jdbi.withHandle(h -> new Holdings(
                count(h, "SELECT COUNT(*) FROM webhooks WHERE app_id = :app", id),
                count(h, "SELECT COUNT(*) FROM inbound_webhooks WHERE app_id = :app", id),
                count(h, "SELECT COUNT(*) FROM secrets WHERE app_id = :app", id),
                count(h, "SELECT COUNT(*) FROM deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE w.app_id = :app", id)));
    }

    /** Deletes the application and everything it holds, in one transaction. */
    boolean delete(String id) {
        return jdbi.inTransaction(h -> {
            int removed = 0;
            for (String statement : REMOVAL) {
                removed = h.createUpdate(statement).bind("app", id).execute();
            }
            return removed > 0;
        });
    }

    private static long count(Handle h, String sql, String app) {
        return h.createQuery(sql).bind("app", app).mapTo(Long.class).one();
    }

    private Application row(ResultSet rs) throws SQLException {
        return new Application(rs.getString("id"), rs.getString("uid"), rs.getString("name"),
                read(rs.getString("metadata"), ObjectNode.class),
                rs.getString("allowed_event_types") == null ? AllowedEventTypes.ALL
                        : AllowedEventTypes.parse(read(rs.getString("allowed_event_types"), new TypeReference<List<String>>() {}),
                                new java.util.HashMap<>()),
                rs.getString("frame_ancestors") == null ? null
                        : read(rs.getString("frame_ancestors"), new TypeReference<List<String>>() {}),
                rs.getString("theme") == null ? PortalTheme.NONE : read(rs.getString("theme"), PortalTheme.class),
                new AppDeliverySettings(Columns.integer(rs, "retention_days"), Columns.integer(rs, "auto_disable_after_hours")),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    private String write(Object value) {
        try {
            return value == null || value == PortalTheme.NONE ? null : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
