package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.storage.Dialect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The dispatcher's reads: claims a webhook's due deliveries for this instance and returns them with
 * their events. A claim takes deliveries nobody holds, whose claim expired, or that this instance
 * holds already; on PostgreSQL rows another instance is claiming at that moment are skipped
 * ({@code FOR UPDATE SKIP LOCKED}), so concurrent instances claim disjoint sets.
 */
final class DeliveryQueue {

    private final Jdbi jdbi;
    private final Dialect dialect;
    private final Leases leases;

    DeliveryQueue(Jdbi jdbi, Dialect dialect, Leases leases) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.leases = leases;
    }

    /**
     * @return up to {@code limit} due deliveries of the webhook, now claimed by this instance, oldest first
     *     (deliveries due at the same millisecond in the order they were made: ids sort by creation)
     */
    List<DueDelivery> due(String webhookId, Instant now, int limit) {
        return due(webhookId, now, limit, Set.of());
    }

    /**
     * Like {@link #due(String, Instant, int)}, leaving out {@code skip} (deliveries in flight). What this
     * instance holds already is read without being locked or written again; only the rest of the
     * {@code limit} is claimed. So a delivery is claimed (a row written) once, not once per read-ahead,
     * and a claim never locks a delivery whose attempt is being recorded.
     */
    List<DueDelivery> due(String webhookId, Instant now, int limit, Set<String> skip) {
        List<String> claimed = new ArrayList<>(limit);
        // Read before the claim's transaction, not in it: on SQLite a transaction that reads and then
        // writes fails (SQLITE_BUSY_SNAPSHOT) if another connection wrote in between.
        for (String id : jdbi.withHandle(h -> held(h, webhookId, now, limit + skip.size()))) {
            if (claimed.size() < limit && !skip.contains(id)) {
                claimed.add(id);
            }
        }
        return jdbi.inTransaction(h -> {
            if (claimed.size() < limit) {
                claimed.addAll(claim(h, webhookId, now, limit - claimed.size()));
            }
            if (claimed.isEmpty()) {
                return List.of();
            }
            return h.createQuery("SELECT d.id, d.webhook_id, d.attempts, d.next_attempt_at, e.id AS event_id, e.type, "
                            + "e.data, e.source, e.created_at, e.traceparent FROM deliveries d JOIN events e ON e.id = d.event_id "
                            + "WHERE d.id IN (<ids>)")
                    .bindList("ids", claimed)
                    .map((rs, ctx) -> new Row(rs.getLong("next_attempt_at"), new DueDelivery(rs.getString("id"),
                            rs.getString("webhook_id"), rs.getInt("attempts") + 1,
                            new StoredEvent(rs.getString("event_id"), rs.getString("type"), rs.getString("data"),
                                    rs.getString("source"), Instant.ofEpochMilli(rs.getLong("created_at")),
                                    rs.getString("traceparent")))))
                    .list().stream()
                    .sorted(Comparator.comparingLong(Row::dueAt).thenComparing(r -> r.delivery().id()))
                    .map(Row::delivery)
                    .toList();
        });
    }

    /** Due deliveries this instance holds a live claim on; {@link Leases} keeps those claims renewed. */
    private List<String> held(Handle h, String webhookId, Instant now, int limit) {
        return h.createQuery("SELECT id FROM deliveries WHERE webhook_id = :webhook AND status = 'pending' "
                        + "AND next_attempt_at <= :now AND lease_owner = :owner AND lease_expires_at > :now "
                        + "ORDER BY next_attempt_at, id LIMIT :limit")
                .bind("owner", leases.owner())
                .bind("webhook", webhookId)
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .mapTo(String.class)
                .list();
    }

    /** Claims due deliveries nobody holds, or whose claim expired (this instance's own included). */
    private List<String> claim(Handle h, String webhookId, Instant now, int limit) {
        return h.createQuery("UPDATE deliveries SET lease_owner = :owner, lease_expires_at = :until WHERE id IN ("
                        + "SELECT id FROM deliveries WHERE webhook_id = :webhook AND status = 'pending' "
                        + "AND next_attempt_at <= :now "
                        + "AND (lease_owner IS NULL OR lease_expires_at <= :now) "
                        + "ORDER BY next_attempt_at, id LIMIT :limit" + dialect.skipLocked() + ") RETURNING id")
                .bind("owner", leases.owner())
                .bind("until", leases.expiryFrom(now).toEpochMilli())
                .bind("webhook", webhookId)
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .mapTo(String.class)
                .list();
    }

    private record Row(long dueAt, DueDelivery delivery) {}
}
