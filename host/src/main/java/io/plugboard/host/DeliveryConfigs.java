package io.plugboard.host;

import io.plugboard.host.internal.delivery.DeliveryConfig;

/** Translates the public delivery settings into the engine's own at the facade's boundary. */
final class DeliveryConfigs {

    private DeliveryConfigs() {}

    static DeliveryConfig of(DeliverySettings s) {
        return new DeliveryConfig(s.retrySchedule(), s.jitter(), s.connectTimeout(), s.requestTimeout(),
                s.maxResponseBodyBytes(), s.maxInFlightPerWebhook(), s.maxInFlightTotal(), s.maxRetryAfter(),
                s.autoDisableAfter(), s.autoDisableMinFailures(), s.secretRotationOverlap(), s.retention(),
                s.drainTimeout(), s.leaseDuration(), s.rateLimit().isPresent() ? s.rateLimit().getAsDouble() : null);
    }
}
