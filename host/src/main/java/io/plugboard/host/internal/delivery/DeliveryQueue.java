package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.events.StoredEvent;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** The dispatcher's reads: which deliveries of a webhook are due now, with their events. */
final class DeliveryQueue {

    private final Jdbi jdbi;

    DeliveryQueue(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<DueDelivery> due(String webhookId, Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT d.id, d.webhook_id, d.attempts, e.id AS event_id, e.type, "
                        + "e.data, e.source, e.created_at FROM deliveries d JOIN events e ON e.id = d.event_id "
                        + "WHERE d.webhook_id = :webhook AND d.status = 'pending' AND d.next_attempt_at <= :now "
                        + "ORDER BY d.next_attempt_at LIMIT :limit")
                .bind("webhook", webhookId)
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .map((rs, ctx) -> new DueDelivery(rs.getString("id"), rs.getString("webhook_id"),
                        rs.getInt("attempts") + 1,
                        new StoredEvent(rs.getString("event_id"), rs.getString("type"), rs.getString("data"),
                                rs.getString("source"), Instant.ofEpochMilli(rs.getLong("created_at")))))
                .list());
    }
}
