package io.plugboard.host.internal.delivery;

import java.time.Instant;

/** One recorded attempt to deliver an event to a webhook. */
public record DeliveryAttempt(String id, String webhookId, String eventId, String eventType, Instant attemptedAt,
                              SendResult result) {}
