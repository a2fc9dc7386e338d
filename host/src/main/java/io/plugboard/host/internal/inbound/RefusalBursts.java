package io.plugboard.host.internal.inbound;

import io.plugboard.host.internal.events.OperationalEvents;
import io.plugboard.host.internal.events.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Counts an inbound webhook's refusals in windows and writes {@code inbound_refused_burst} when a
 * window's count reaches the setting. A window opens at the first refusal after the last one closed
 * and lasts the configured time; the count lives in the webhook's row and is updated in the refusal's
 * transaction, so instances sharing a database count together and exactly one of them sees the count
 * reach the threshold (once per window).
 */
final class RefusalBursts {

    private final OperationalEvents ops;

    RefusalBursts(OperationalEvents ops) {
        this.ops = ops;
    }

    /** @return the burst event to announce after the commit, or null */
    StoredEvent count(Connection c, InboundWebhook w, InboundError refused) {
        try {
            return counted(c, w, refused);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count a refusal of inbound webhook " + w.id(), e);
        }
    }

    private StoredEvent counted(Connection c, InboundWebhook w, InboundError refused) throws SQLException {
        long at = refused.receivedAt().toEpochMilli();
        long closedBefore = at - ops.settings().burstWindow().toMillis();
        // Both assignments read the row as it was (SQL evaluates every SET expression against the old row).
        try (PreparedStatement count = c.prepareStatement("UPDATE inbound_webhooks SET "
                + "refused_in_window = CASE WHEN refused_window_start IS NULL OR refused_window_start <= ? THEN 1 "
                + "ELSE refused_in_window + 1 END, "
                + "refused_window_start = CASE WHEN refused_window_start IS NULL OR refused_window_start <= ? THEN ? "
                + "ELSE refused_window_start END WHERE id = ?")) {
            count.setLong(1, closedBefore);
            count.setLong(2, closedBefore);
            count.setLong(3, at);
            count.setString(4, w.id());
            count.executeUpdate();
        }
        try (PreparedStatement read = c.prepareStatement(
                "SELECT refused_in_window, refused_window_start FROM inbound_webhooks WHERE id = ?")) {
            read.setString(1, w.id());
            try (ResultSet rs = read.executeQuery()) {
                if (!rs.next() || rs.getLong(1) != ops.settings().burstRefusals()) {
                    return null;
                }
                var webhook = ops.newObject().put("id", w.id()).put("name", w.name()).put("receiver", w.receiverId());
                return ops.inboundRefusedBurst(c, webhook, rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                        refused.status(), refused.message());
            }
        }
    }
}
