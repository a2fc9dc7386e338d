package io.plugboard.host.internal.outbound;

import java.time.Instant;

/**
 * How a webhook's deliveries have fared, and whether the host turned it off; kept by the delivery
 * engine, never chosen by a user.
 *
 * @param okCount attempts that succeeded
 * @param failedCount attempts that failed
 * @param lastStatus the HTTP status of the last attempt, or null if it got no response or none was made
 * @param lastError what went wrong in the last attempt, or null
 * @param lastAttemptAt when the last attempt was made, or null
 * @param disabledReason why the host turned the webhook off (410 Gone, failing too long), or null
 * @param disabledAt when it did, or null
 */
public record WebhookStats(long okCount, long failedCount, Integer lastStatus, String lastError,
                           Instant lastAttemptAt, String disabledReason, Instant disabledAt) {

    /** A webhook that has not been delivered to yet. */
    public static final WebhookStats NONE = new WebhookStats(0, 0, null, null, null, null, null);
}
