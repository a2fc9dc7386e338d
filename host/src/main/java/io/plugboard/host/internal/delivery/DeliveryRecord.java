package io.plugboard.host.internal.delivery;

import java.time.Instant;

/** A delivery of one event to one webhook, as the log shows it. */
public record DeliveryRecord(String id, String eventId, String eventType, String webhookId, String status,
                             int attempts, Instant nextAttemptAt, Instant createdAt, Instant updatedAt,
                             Integer lastStatus, String lastError, boolean test) {}
