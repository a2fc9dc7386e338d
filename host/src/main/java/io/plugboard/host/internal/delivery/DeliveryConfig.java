package io.plugboard.host.internal.delivery;

import java.time.Duration;
import java.util.List;

/**
 * The delivery engine's settings as the engine reads them; the public {@code DeliveryConfig} (with
 * its defaults and validation) is translated into one at the facade, so nothing inside the host
 * depends on the public package.
 *
 * @param retrySchedule delays before the 2nd, 3rd, … attempt; after the last the delivery fails
 * @param jitter the random spread applied to each delay, e.g. 0.2 for ±20%
 * @param connectTimeout the TCP connect timeout
 * @param requestTimeout the whole request's timeout
 * @param maxResponseBodyBytes how much of a response body is kept
 * @param maxInFlightPerWebhook requests in flight to one webhook at most
 * @param maxInFlightTotal requests in flight in all at most
 * @param maxRetryAfter the longest {@code Retry-After} honoured
 * @param autoDisableAfter how long a webhook may fail before the host turns it off
 * @param autoDisableMinFailures how many failed attempts that takes at least
 * @param secretRotationOverlap how long a rotated signing secret keeps signing
 * @param retention how long finished deliveries are kept
 * @param drainTimeout how long stopping waits for requests in flight
 * @param leaseDuration how long an instance's claim on a delivery lasts without renewal
 * @param defaultRateLimit requests per second at most to a webhook without a limit of its own; null: none
 */
public record DeliveryConfig(List<Duration> retrySchedule, double jitter, Duration connectTimeout,
                             Duration requestTimeout, int maxResponseBodyBytes, int maxInFlightPerWebhook,
                             int maxInFlightTotal, Duration maxRetryAfter, Duration autoDisableAfter,
                             int autoDisableMinFailures, Duration secretRotationOverlap, Duration retention,
                             Duration drainTimeout, Duration leaseDuration, Double defaultRateLimit) {

    public DeliveryConfig {
        retrySchedule = List.copyOf(retrySchedule);
    }
}
