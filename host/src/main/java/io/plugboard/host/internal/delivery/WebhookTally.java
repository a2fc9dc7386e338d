package io.plugboard.host.internal.delivery;

/**
 * What one batch of attempts does to one webhook's counters, folded in attempt order so the webhook
 * row is updated once per batch: totals, the last outcome, and the failure streak at the end.
 */
final class WebhookTally {

    long ok;
    long failed;
    Integer lastStatus;
    String lastError;
    long lastAt;
    /** True when a success in this batch ended any earlier streak. */
    boolean streakReset;
    /** Failures after the last success of this batch. */
    long trailingFailures;
    /** When the trailing failures began, or null. */
    Long trailingSince;

    void add(SendResult r, long at) {
        lastStatus = r.responseStatus();
        lastError = r.error();
        lastAt = at;
        if (r.success()) {
            ok++;
            streakReset = true;
            trailingFailures = 0;
            trailingSince = null;
        } else {
            failed++;
            if (trailingFailures++ == 0) {
                trailingSince = at;
            }
        }
    }
}
