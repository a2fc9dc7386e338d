package io.plugboard.host.internal.inbound;

import io.plugboard.host.internal.events.OperationalEvents;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.storage.Columns;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The request counters of each inbound webhook and its recent refused requests
 * ({@code inbound_errors}), and the bursts of refusals ({@link RefusalBursts}). Every statement binds its parameters.
 */
public final class InboundRequestLog {

    /** How much of a refused body is kept. */
    public static final int BODY_KEPT = 4096;
    /** How many recent errors are kept per inbound webhook. */
    public static final int ERRORS_KEPT = 20;

    private final Jdbi jdbi;
    private final OperationalEvents ops;
    private final RefusalBursts bursts;

    public InboundRequestLog(Jdbi jdbi) {
        this(jdbi, null);
    }

    /** @param ops where {@code inbound_refused_burst} is written; null for none */
    public InboundRequestLog(Jdbi jdbi, OperationalEvents ops) {
        this.jdbi = jdbi;
        this.ops = ops;
        this.bursts = ops == null ? null : new RefusalBursts(ops);
    }

    /** Counts an accepted request that emitted nothing (a handshake, an empty result, only retries). */
    void countAccepted(String id, Instant at) {
        try {
            jdbi.useHandle(h -> countAccepted(h.getConnection(), id, at));
        } catch (SQLException e) {
            throw new IllegalStateException("could not count a request of inbound webhook " + id, e);
        }
    }

    /**
     * Counts an accepted request on the caller's connection, so a request that emitted events is
     * counted in the transaction that stores them. The one place the accepted counter is written.
     */
    static void countAccepted(Connection c, String id, Instant at) throws SQLException {
        try (PreparedStatement count = c.prepareStatement("UPDATE inbound_webhooks SET requests_total = "
                + "requests_total + 1, accepted_count = accepted_count + 1, last_received_at = ? WHERE id = ?")) {
            count.setLong(1, at.toEpochMilli());
            count.setString(2, id);
            count.executeUpdate();
        }
    }

    /**
     * Counts a refused request and keeps it among the recent errors, dropping the oldest beyond
     * {@link #ERRORS_KEPT}, and counts it in the webhook's burst window, in one transaction.
     *
     * @param parseError counted as a parse error, else as rejected
     */
    void recordError(InboundWebhook w, InboundError e, boolean parseError) {
        String inboundId = w.id();
        String counter = parseError ? "parse_error_count" : "rejected_count";
        StoredEvent burst = jdbi.inTransaction(h -> {
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
            return bursts == null ? null : bursts.count(h.getConnection(), w, e);
        });
        if (burst != null) {
            ops.announce(List.of(burst));
        }
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
}
