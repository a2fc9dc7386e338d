package io.plugboard.host.internal.delivery;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Records delivery attempts and keeps each webhook's counters in step, in one transaction. */
public final class AttemptStore {

    private final Jdbi jdbi;

    public AttemptStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public void record(DeliveryAttempt a) {
        SendResult r = a.result();
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO delivery_attempts (id, webhook_id, event_id, attempted_at, success, "
                            + "response_status, response_body, duration_ms, error) VALUES (:id, :webhookId, :eventId, "
                            + ":attemptedAt, :success, :status, :body, :durationMs, :error)")
                    .bind("id", a.id()).bind("webhookId", a.webhookId()).bind("eventId", a.eventId())
                    .bind("attemptedAt", a.attemptedAt().toEpochMilli()).bind("success", r.success())
                    .bind("status", r.responseStatus()).bind("body", r.responseBody())
                    .bind("durationMs", r.durationMs()).bind("error", r.error())
                    .execute();
            h.createUpdate("UPDATE webhooks SET ok_count = ok_count + :ok, failed_count = failed_count + :failed, "
                            + "last_status = :status, last_error = :error, last_attempt_at = :at WHERE id = :id")
                    .bind("ok", r.success() ? 1 : 0).bind("failed", r.success() ? 0 : 1)
                    .bind("status", r.responseStatus()).bind("error", r.error())
                    .bind("at", a.attemptedAt().toEpochMilli()).bind("id", a.webhookId())
                    .execute();
        });
    }

    public Optional<DeliveryAttempt> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.*, e.type AS event_type FROM delivery_attempts a "
                        + "JOIN events e ON e.id = a.event_id WHERE a.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> {
                    int status = rs.getInt("response_status");
                    Integer responseStatus = rs.wasNull() ? null : status;
                    return new DeliveryAttempt(rs.getString("id"), rs.getString("webhook_id"),
                            rs.getString("event_id"), rs.getString("event_type"),
                            Instant.ofEpochMilli(rs.getLong("attempted_at")),
                            new SendResult(rs.getBoolean("success"), responseStatus, rs.getString("response_body"),
                                    rs.getLong("duration_ms"), rs.getString("error")));
                })
                .findOne());
    }
}
