package io.plugboard.host.internal.delivery;

import java.time.Duration;
import java.util.Map;

/**
 * What one HTTP attempt gave.
 *
 * @param success true for any 2xx response
 * @param responseStatus null when no response was received
 * @param responseHeaders the response's headers (first value of each), empty without a response
 * @param responseBody the start of the response body (capped), or null
 * @param error what went wrong, in words, or null on success
 * @param retryAfter the delay a 429 or 503 response asked for, or null
 */
public record SendResult(boolean success, Integer responseStatus, Map<String, String> responseHeaders,
                         String responseBody, long durationMs, String error, Duration retryAfter) {

    public SendResult {
        responseHeaders = responseHeaders == null ? Map.of() : Map.copyOf(responseHeaders);
    }

    static SendResult noResponse(long durationMs, String error) {
        return new SendResult(false, null, Map.of(), null, durationMs, error, null);
    }
}
