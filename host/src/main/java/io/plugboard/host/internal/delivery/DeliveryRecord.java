package io.plugboard.host.internal.delivery;

import java.time.Instant;

/**
 * A delivery of one event to one webhook, as the log shows it.
 *
 * @param replayOf the delivery this one queued again (Redeliver, recover, bulk replay), or null
 */
public record DeliveryRecord(String id, String eventId, String eventType, String webhookId, String status,
                             int attempts, Instant nextAttemptAt, Instant createdAt, Instant updatedAt,
                             Integer lastStatus, String lastError, boolean test, String replayOf) {}
