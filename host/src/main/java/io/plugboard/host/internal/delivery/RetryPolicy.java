package io.plugboard.host.internal.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Decides what follows an attempt: done, try again later (when), or give up. */
final class RetryPolicy {

    /** The delivery's state after an attempt. */
    record Decision(String status, Instant nextAttemptAt, boolean webhookGone) {}

    static final String PENDING = "pending";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";

    private final DeliveryConfig settings;

    RetryPolicy(DeliveryConfig settings) {
        this.settings = settings;
    }

    /** @param attempt the number of the attempt just made, from 1 */
    Decision decide(int attempt, SendResult result, Instant now) {
        if (result.success()) {
            return new Decision(SUCCEEDED, null, false);
        }
        if (result.ending() == SendResult.Ending.GONE) {
            return new Decision(FAILED, null, true);
        }
        if (result.ending() == SendResult.Ending.GIVE_UP) {
            return new Decision(FAILED, null, false);
        }
        if (attempt > settings.retrySchedule().size()) {
            return new Decision(FAILED, null, false);
        }
        Duration delay = jittered(settings.retrySchedule().get(attempt - 1));
        if (result.retryAfter() != null) {
            Duration asked = result.retryAfter().compareTo(settings.maxRetryAfter()) > 0
                    ? settings.maxRetryAfter() : result.retryAfter();
            delay = asked.compareTo(delay) > 0 ? asked : delay;
        }
        return new Decision(PENDING, now.plus(delay), false);
    }

    private Duration jittered(Duration base) {
        double spread = settings.jitter();
        if (spread == 0) {
            return base;
        }
        double factor = 1 + ThreadLocalRandom.current().nextDouble(-spread, spread);
        return Duration.ofMillis(Math.max(1, Math.round(base.toMillis() * factor)));
    }
}
