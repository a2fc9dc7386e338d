package io.plugboard.host.internal.delivery;

/**
 * What one HTTP attempt gave.
 *
 * @param success true for any 2xx response
 * @param responseStatus null when no response was received
 * @param responseBody the start of the response body (capped), or null
 * @param error what went wrong, in words, or null on success
 */
public record SendResult(boolean success, Integer responseStatus, String responseBody, long durationMs, String error) {}
