package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.events.OperationalEvents;
import io.plugboard.host.internal.events.StoredEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The operational events of one batch of recorded attempts, written in the batch's transaction and
 * gathered for announcing after its commit: {@code webhook_disabled}, {@code delivery_failed} (retries
 * ran out) and {@code webhook_failing} (a streak reached the setting: once, when it crosses it).
 *
 * <p>No {@code delivery_failed} is emitted for a delivery that carried an operational event itself:
 * two broken alert endpoints told of each other's failures would otherwise feed each other for ever.
 * Their trouble still shows as {@code webhook_failing} and {@code webhook_disabled}, once per streak.
 */
final class OpsInBatch {

    private final OperationalEvents ops;
    private final Connection connection;
    private final List<StoredEvent> emitted;

    OpsInBatch(OperationalEvents ops, Connection connection, List<StoredEvent> emitted) {
        this.ops = ops;
        this.connection = connection;
        this.emitted = emitted;
    }

    void disabled(String webhookId, String reason, String detail) {
        try {
            add(ops.webhookDisabled(connection, webhookId, reason, detail));
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** @param decisions per attempt, the state its delivery was given, or null when it was left as it was */
    void failedForGood(List<Attempt> attempts, List<RetryPolicy.Decision> decisions) {
        for (int i = 0; i < attempts.size(); i++) {
            Attempt a = attempts.get(i);
            RetryPolicy.Decision d = decisions.get(i);
            boolean ranOut = d != null && RetryPolicy.FAILED.equals(d.status()) && !d.webhookGone() && a.retryable();
            if (ranOut && !OperationalEvents.SOURCE.equals(a.delivery().event().source())) {
                try {
                    add(ops.deliveryFailed(connection, a.delivery().webhookId(), a.delivery().id(), a.delivery().event(),
                            a.delivery().attempt(), a.result().responseStatus(), a.result().error()));
                } catch (SQLException e) {
                    throw failed(e);
                }
            }
        }
    }

    /**
     * After the webhooks' counters are updated (their rows locked by this transaction until it commits):
     * a streak crossed the setting in this batch when it now reaches it and did not before the batch's failures.
     */
    void streaks(Map<String, WebhookTally> tallies) {
        int threshold = ops.settings().failingStreak();
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT consecutive_failures, failing_since FROM webhooks WHERE id = ?")) {
            for (Map.Entry<String, WebhookTally> e : tallies.entrySet()) {
                WebhookTally t = e.getValue();
                if (t.trailingFailures == 0) {
                    continue;
                }
                q.setString(1, e.getKey());
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        continue;
                    }
                    long now = rs.getLong(1);
                    long since = rs.getLong(2);
                    if (now >= threshold && now - t.trailingFailures < threshold) {
                        add(ops.webhookFailing(connection, e.getKey(), now, Instant.ofEpochMilli(since), t.lastStatus,
                                t.lastError));
                    }
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Unchecked, so the batch's transaction rolls back and the recorder tries the batch again. */
    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("could not write an operational event", e);
    }

    private void add(StoredEvent event) {
        if (event != null) {
            emitted.add(event);
        }
    }
}
