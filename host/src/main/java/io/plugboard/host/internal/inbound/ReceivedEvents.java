package io.plugboard.host.internal.inbound;

import io.plugboard.host.internal.common.DefaultApp;
import io.plugboard.host.internal.storage.Columns;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** The events received through inbound webhooks, newest first, with where each came from. */
public final class ReceivedEvents {

    public static final int MAX_LIMIT = 200;

    /**
     * @param inboundName null when the inbound webhook has been deleted
     * @param data the event's data as stored (JSON text)
     */
    public record Row(String eventId, String type, String data, Instant createdAt, String inboundId, String inboundName,
                      String externalId, Instant occurredAt, Instant receivedAt) {}

    private final Jdbi jdbi;

    public ReceivedEvents(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * @param app the application's id: only the events its inbound webhooks received (they were emitted for it;
     *     those received before applications existed have none and are the default application's)
     * @param inboundId only those of this inbound webhook, or null for all
     * @param before only events received before this event id (keyset paging), or null
     */
    public List<Row> list(String app, String inboundId, String before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT e.id, e.type, e.data, e.created_at, r.inbound_id, w.name, "
                + "r.external_id, r.occurred_at, r.received_at FROM inbound_events r JOIN events e ON e.id = r.event_id "
                + "LEFT JOIN inbound_webhooks w ON w.id = r.inbound_id WHERE COALESCE(e.app_id, :default) = :app");
        if (inboundId != null) {
            sql.append(" AND r.inbound_id = :inbound");
        }
        if (before != null) {
            sql.append(" AND r.event_id < :before");
        }
        sql.append(" ORDER BY r.event_id DESC LIMIT :limit");
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.toString()).bind("limit", limit).bind("app", app)
                    .bind("default", DefaultApp.ID);
            if (inboundId != null) {
                q.bind("inbound", inboundId);
            }
            if (before != null) {
                q.bind("before", before);
            }
            return q.map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                    Columns.instant(rs, "created_at"), rs.getString(5), rs.getString(6), rs.getString(7),
                    Columns.instant(rs, "occurred_at"), Columns.instant(rs, "received_at"))).list();
        });
    }
}
