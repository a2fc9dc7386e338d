package io.plugboard.sdk.hooks;

import java.time.Instant;

/**
 * The payload of {@link CoreHooks#DELIVERY_SUCCEEDED} and {@link CoreHooks#DELIVERY_FAILED}: a
 * delivery whose outcome is committed (it succeeded, or failed with no retry left).
 *
 * @param deliveryId the delivery's id ({@code dlv_…})
 * @param webhookId the webhook's id
 * @param eventId the event's id
 * @param eventType the event type's key
 * @param attempts how many attempts were made
 * @param responseStatus the last response's HTTP status, or null when none was received
 * @param error what went wrong on the last attempt, or null on success
 * @param finishedAt when the last attempt was made
 */
public record DeliveryResult(String deliveryId, String webhookId, String eventId, String eventType, int attempts,
                             Integer responseStatus, String error, Instant finishedAt) {}
