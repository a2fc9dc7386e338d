package io.plugboard.host.internal.inbound;

import io.plugboard.host.internal.events.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Where received events came from ({@code inbound_events}): written with the events, in their
 * transaction; and the look-up of an event already
 * received under a sender's id, which makes a sender's retry harmless.
 */
final class Receipts {

    /** One received event's origin. */
    record Receipt(String externalId, Instant occurredAt) {}

    private final Jdbi jdbi;

    Receipts(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Optional<String> eventFor(String inboundId, String externalId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT event_id FROM inbound_events WHERE inbound_id = :inbound "
                        + "AND external_id = :external").bind("inbound", inboundId).bind("external", externalId)
                .mapTo(String.class).findOne());
    }

    /** @param receipts one per event, in the same order */
    static void write(Connection c, String inboundId, List<StoredEvent> events, List<Receipt> receipts, Instant at)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO inbound_events (event_id, inbound_id, "
                + "external_id, occurred_at, received_at) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < events.size(); i++) {
                Receipt r = receipts.get(i);
                insert.setString(1, events.get(i).id());
                insert.setString(2, inboundId);
                insert.setString(3, r.externalId());
                if (r.occurredAt() == null) {
                    insert.setNull(4, java.sql.Types.BIGINT);
                } else {
                    insert.setLong(4, r.occurredAt().toEpochMilli());
                }
                insert.setLong(5, at.toEpochMilli());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
