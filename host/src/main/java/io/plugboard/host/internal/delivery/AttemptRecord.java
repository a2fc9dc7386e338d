package io.plugboard.host.internal.delivery;

import java.time.Instant;
import java.util.Map;

/** One recorded HTTP attempt: what was sent (secrets masked) and what came back. */
public record AttemptRecord(String id, String deliveryId, String webhookId, String eventId, String eventType,
                            int attempt, Instant attemptedAt, boolean success, Map<String, String> requestHeaders,
                            Integer responseStatus, Map<String, String> responseHeaders, String responseBody,
                            long durationMs, String error) {}
