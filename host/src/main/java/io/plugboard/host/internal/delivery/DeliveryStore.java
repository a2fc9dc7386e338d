package io.plugboard.host.internal.delivery;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.storage.Columns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** The delivery log: reading deliveries and attempts, and queueing deliveries again. */
public final class DeliveryStore {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};
    static final String DELIVERY_COLUMNS = "d.id, d.event_id, e.type AS event_type, d.webhook_id, d.status, "
            + "d.attempts, d.next_attempt_at, d.created_at, d.updated_at, d.last_status, d.last_error, d.test, d.replay_of";

    private final Jdbi jdbi;
    private final ObjectMapper mapper;
    private final Ids ids;
    private final Requeue requeue;

    public DeliveryStore(Jdbi jdbi, ObjectMapper mapper, Ids ids) {
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.ids = ids;
        this.requeue = new Requeue(ids);
    }

    Requeue requeue() {
        return requeue;
    }

    /**
     * One page of a webhook's deliveries, or of all deliveries of an application, newest first.
     *
     * @param appId the application whose webhooks' deliveries these are, or null for every application
     * @param webhookId the webhook, or null for the deliveries of every webhook
     * @param status {@code pending}, {@code succeeded}, {@code failed} or null for all
     * @param before a delivery id: only deliveries older than it (keyset paging), or null
     */
    public List<DeliveryRecord> list(String appId, String webhookId, String status, String before, int limit) {
        return jdbi.withHandle(h -> {
            StringBuilder sql = new StringBuilder("SELECT " + DELIVERY_COLUMNS + " FROM deliveries d "
                    + "JOIN events e ON e.id = d.event_id" + appJoin(appId)
                    + " WHERE " + (webhookId == null ? "TRUE" : "d.webhook_id = :webhook"));
            if (status != null) {
                sql.append(" AND d.status = :status");
            }
            if (before != null) {
                sql.append(" AND (d.created_at, d.id) < (SELECT created_at, id FROM deliveries WHERE id = :before)");
            }
            sql.append(" ORDER BY d.created_at DESC, d.id DESC LIMIT :limit");
            Query q = h.createQuery(sql.toString()).bind("limit", limit);
            bindFilters(q, appId, webhookId, status);
            if (before != null) {
                q.bind("before", before);
            }
            return q.map((rs, ctx) -> delivery(rs)).list();
        });
    }

    /** @return how many deliveries of the webhook there are, with the status if one is given */
    public long count(String webhookId, String status) {
        return count(null, webhookId, status);
    }

    /**
     * @param appId only deliveries of this application's webhooks, or null for every application
     * @param webhookId only this webhook's, or null for every webhook
     * @return how many deliveries there are, with the status if one is given
     */
    public long count(String appId, String webhookId, String status) {
        return jdbi.withHandle(h -> {
            Query q = h.createQuery("SELECT COUNT(*) FROM deliveries d" + appJoin(appId) + " WHERE "
                    + (webhookId == null ? "TRUE" : "d.webhook_id = :webhook")
                    + (status == null ? "" : " AND d.status = :status"));
            bindFilters(q, appId, webhookId, status);
            return q.mapTo(Long.class).one();
        });
    }

    /** Confines a query over {@code deliveries d} to one application's webhooks (bound as {@code :app}). */
    private static String appJoin(String appId) {
        return appId == null ? "" : " JOIN webhooks w ON w.id = d.webhook_id AND w.app_id = :app";
    }

    private static void bindFilters(Query q, String appId, String webhookId, String status) {
        if (appId != null) {
            q.bind("app", appId);
        }
        if (webhookId != null) {
            q.bind("webhook", webhookId);
        }
        if (status != null) {
            q.bind("status", status);
        }
    }

    /** Attempts per UTC day since {@code from}: day (epoch day) → [succeeded, failed]. */
    public Map<Long, long[]> dailyAttempts(String webhookId, Instant from) {
        Map<Long, long[]> days = new java.util.TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT attempted_at / 86400000 AS day, "
                        + "SUM(CASE WHEN success THEN 1 ELSE 0 END) AS ok, SUM(CASE WHEN success THEN 0 ELSE 1 END) AS failed "
                        + "FROM delivery_attempts WHERE webhook_id = :webhook AND attempted_at >= :from "
                        + "GROUP BY attempted_at / 86400000")
                .bind("webhook", webhookId).bind("from", from.toEpochMilli())
                .map((rs, ctx) -> Map.entry(rs.getLong("day"), new long[] {rs.getLong("ok"), rs.getLong("failed")}))
                .forEach(e -> days.put(e.getKey(), e.getValue())));
        return days;
    }

    /** The states a delivery can be in. */
    public static final Set<String> STATUSES = Set.of("pending", "succeeded", "failed");

    /** @throws NotFoundException naming the id */
    public DeliveryRecord get(String deliveryId) {
        return find(deliveryId).orElseThrow(() -> notFound(deliveryId));
    }

    /**
     * @param appId the application the caller acts on: a delivery of another application's webhook is
     *     answered as if it did not exist
     * @throws NotFoundException naming the id
     */
    public DeliveryRecord get(String appId, String deliveryId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + DELIVERY_COLUMNS + " FROM deliveries d "
                        + "JOIN events e ON e.id = d.event_id JOIN webhooks w ON w.id = d.webhook_id AND w.app_id = :app "
                        + "WHERE d.id = :id")
                .bind("id", deliveryId).bind("app", appId)
                .map((rs, ctx) -> delivery(rs))
                .findOne()).orElseThrow(() -> notFound(deliveryId));
    }

    public Optional<DeliveryRecord> find(String deliveryId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + DELIVERY_COLUMNS + " FROM deliveries d "
                        + "JOIN events e ON e.id = d.event_id WHERE d.id = :id")
                .bind("id", deliveryId)
                .map((rs, ctx) -> delivery(rs))
                .findOne());
    }

    public List<AttemptRecord> attempts(String deliveryId) {
        return jdbi.withHandle(h -> h.createQuery(attemptSql("a.delivery_id = :id ORDER BY a.attempt"))
                .bind("id", deliveryId)
                .map((rs, ctx) -> attempt(rs))
                .list());
    }

    public Optional<AttemptRecord> findAttempt(String attemptId) {
        return jdbi.withHandle(h -> h.createQuery(attemptSql("a.id = :id"))
                .bind("id", attemptId)
                .map((rs, ctx) -> attempt(rs))
                .findOne());
    }

    /** @return the event's data as stored, for the detail view */
    public Optional<String> eventData(String eventId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT data FROM events WHERE id = :id")
                .bind("id", eventId).mapTo(String.class).findOne());
    }

    /**
     * Queues the delivery's event to its webhook again, as a new delivery due now ({@link Requeue}).
     *
     * @return the new delivery's id
     * @throws NotFoundException if no delivery has that id
     */
    public String redeliver(String appId, String deliveryId, Instant now) {
        get(appId, deliveryId);
        return redeliver(deliveryId, now);
    }

    /** {@link #redeliver(String, String, Instant)} for any application's delivery (the site owner's admin). */
    public String redeliver(String deliveryId, Instant now) {
        String id = jdbi.inTransaction(h -> requeue.write(h, List.of(deliveryId), now).get(0));
        if (id == null) {
            throw notFound(deliveryId);
        }
        return id;
    }

    private static NotFoundException notFound(String deliveryId) {
        return new NotFoundException("no delivery has the id '" + deliveryId + "'");
    }

    /** Queues again every delivery of the webhook that failed since the given time; returns how many. */
    public int recover(String webhookId, Instant since, Instant now) {
        return jdbi.inTransaction(h -> {
            List<String> failed = h.createQuery("SELECT id FROM deliveries WHERE webhook_id = :webhook "
                            + "AND status = 'failed' AND created_at >= :since AND NOT test")
                    .bind("webhook", webhookId).bind("since", since.toEpochMilli())
                    .mapTo(String.class).list();
            requeue.write(h, failed, now);
            return failed.size();
        });
    }

    /**
     * A delivery for a test send: attempted once, by its sender, never by the dispatcher. It starts
     * out failed, so a test cut short by a crash is not left looking pending; the attempt's outcome
     * replaces that.
     */
    DueDelivery createTest(String webhookId, StoredEvent event) {
        String id = ids.next("dlv");
        long at = event.createdAt().toEpochMilli();
        jdbi.useTransaction(h -> h.createUpdate("INSERT INTO deliveries (id, event_id, webhook_id, status, attempts, "
                        + "next_attempt_at, created_at, updated_at, last_error, test) VALUES (:id, :event, :webhook, "
                        + "'failed', 0, NULL, :at, :at, 'the test send did not finish', TRUE)")
                .bind("id", id).bind("event", event.id()).bind("webhook", webhookId).bind("at", at)
                .execute());
        return new DueDelivery(id, webhookId, 1, event);
    }

    private static String attemptSql(String where) {
        return "SELECT a.*, d.event_id, e.type AS event_type FROM delivery_attempts a "
                + "JOIN deliveries d ON d.id = a.delivery_id JOIN events e ON e.id = d.event_id WHERE " + where;
    }

    static DeliveryRecord delivery(ResultSet rs) throws SQLException {
        return new DeliveryRecord(rs.getString("id"), rs.getString("event_id"), rs.getString("event_type"),
                rs.getString("webhook_id"), rs.getString("status"), rs.getInt("attempts"),
                Columns.instant(rs, "next_attempt_at"), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")), Columns.integer(rs, "last_status"),
                rs.getString("last_error"), rs.getBoolean("test"), rs.getString("replay_of"));
    }

    private AttemptRecord attempt(ResultSet rs) throws SQLException {
        return new AttemptRecord(rs.getString("id"), rs.getString("delivery_id"), rs.getString("webhook_id"),
                rs.getString("event_id"), rs.getString("event_type"), rs.getInt("attempt"),
                Instant.ofEpochMilli(rs.getLong("attempted_at")), rs.getBoolean("success"),
                headers(rs.getString("request_headers")), Columns.integer(rs, "response_status"),
                headers(rs.getString("response_headers")), rs.getString("response_body"), rs.getLong("duration_ms"),
                rs.getString("error"));
    }

    private Map<String, String> headers(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return mapper.readValue(json, HEADERS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
