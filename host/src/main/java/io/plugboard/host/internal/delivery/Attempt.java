package io.plugboard.host.internal.delivery;

import java.time.Instant;

/**
 * One finished HTTP attempt, waiting to be recorded.
 *
 * @param retryable false for a test send, which is attempted once
 */
record Attempt(String id, DueDelivery delivery, WebhookRequest request, SendResult result, Instant attemptedAt,
               boolean retryable) {}
