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
 * @param retryAfter the delay a 429 or 503 response (or a destination) asked for, or null
 * @param ending {@link Ending#RETRY} unless the destination said retrying is pointless
 */
public record SendResult(boolean success, Integer responseStatus, Map<String, String> responseHeaders,
                         String responseBody, long durationMs, String error, Duration retryAfter, Ending ending) {

    /** What a failure means for the rest of the schedule. */
    public enum Ending {
        /** Tried again on the schedule (and a success ends it). */
        RETRY,
        /** This message can never be delivered: the delivery fails now. */
        GIVE_UP,
        /** The target is gone (HTTP 410 or a destination's "gone"): the delivery fails, the webhook is disabled. */
        GONE
    }

    public SendResult {
        responseHeaders = responseHeaders == null ? Map.of() : Map.copyOf(responseHeaders);
        ending = ending == null ? (Integer.valueOf(410).equals(responseStatus) ? Ending.GONE : Ending.RETRY) : ending;
    }

    public SendResult(boolean success, Integer responseStatus, Map<String, String> responseHeaders,
                      String responseBody, long durationMs, String error, Duration retryAfter) {
        this(success, responseStatus, responseHeaders, responseBody, durationMs, error, retryAfter, null);
    }

    static SendResult noResponse(long durationMs, String error) {
        return new SendResult(false, null, Map.of(), null, durationMs, error, null);
    }
}
