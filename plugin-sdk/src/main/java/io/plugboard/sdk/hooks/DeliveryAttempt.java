package io.plugboard.sdk.hooks;

import java.time.Instant;

/**
 * The payload of {@link CoreHooks#DELIVERY_ATTEMPTED}: one recorded attempt.
 *
 * @param deliveryId the delivery's id
 * @param webhookId the webhook's id
 * @param eventId the event's id
 * @param eventType the event type's key
 * @param attempt which attempt this was, from 1
 * @param responseStatus the HTTP status, or null when none was received
 * @param durationMillis how long the attempt took
 * @param outcome {@code succeeded}, {@code retry} (another attempt is scheduled) or {@code failed}
 * @param error what went wrong, or null
 * @param attemptedAt when it was made
 */
public record DeliveryAttempt(String deliveryId, String webhookId, String eventId, String eventType, int attempt,
                              Integer responseStatus, long durationMillis, String outcome, String error,
                              Instant attemptedAt) {}
