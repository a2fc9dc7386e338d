package io.plugboard.host.internal.delivery;

import java.time.Duration;

/**
 * One webhook's token bucket, and how far a 429 has slowed it: the arithmetic of the rate limit, on
 * plain values, so the in-memory buckets (SQLite: one instance) and the shared row (PostgreSQL) compute
 * the same way. The bucket holds at most one second's worth of requests (at least one), so a burst
 * after a quiet spell is never more than the rate; it refills continuously at the effective rate.
 * A 429 halves the effective rate (down to a sixteenth) for {@link #SLOW_FOR}; after that the rate
 * doubles back every {@link #RECOVER_STEP} until it is whole again. With a {@code Retry-After} the
 * bucket is also empty until then, so the requests behind it wait instead of meeting 429s too.
 *
 * @param tokens requests that may start now (fractions accumulate)
 * @param refilledAtMs when {@code tokens} was counted; later than now while a Retry-After runs
 * @param factor the share of the limit a 429 left, 1 when never slowed
 * @param slowedAtMs when the last 429 came, 0 if never
 */
record BucketState(double tokens, long refilledAtMs, double factor, long slowedAtMs) {

    static final Duration SLOW_FOR = Duration.ofMinutes(1);
    static final Duration RECOVER_STEP = Duration.ofSeconds(30);
    static final double LOWEST_FACTOR = 1.0 / 16;

    /** A bucket never used: full. */
    static BucketState full(double limit, long nowMs) {
        return new BucketState(capacity(limit), nowMs, 1, 0);
    }

    /** @return the rate in force at {@code nowMs}: the limit, lowered by recent 429s */
    double rate(double limit, long nowMs) {
        return limit * factorAt(nowMs);
    }

    private double factorAt(long nowMs) {
        long recovering = nowMs - slowedAtMs - SLOW_FOR.toMillis();
        if (factor >= 1 || recovering <= 0) {
            return factor;
        }
        return Math.min(1, factor * Math.pow(2, (double) recovering / RECOVER_STEP.toMillis()));
    }

    static double capacity(double rate) {
        return Math.max(1, rate);
    }

    /** @return the bucket filled up to {@code nowMs} at the rate in force */
    BucketState refilled(double limit, long nowMs) {
        if (nowMs <= refilledAtMs) {
            return this;
        }
        double rate = rate(limit, nowMs);
        double filled = Math.min(capacity(rate), tokens + (nowMs - refilledAtMs) * rate / 1000);
        return new BucketState(filled, nowMs, factor, slowedAtMs);
    }

    /** @return how many of {@code wanted} requests may start (whole tokens) */
    int grantable(int wanted) {
        return (int) Math.max(0, Math.min(wanted, Math.floor(tokens)));
    }

    BucketState minus(int taken) {
        return new BucketState(tokens - taken, refilledAtMs, factor, slowedAtMs);
    }

    /** @return the bucket after a 429 at {@code nowMs}, empty until {@code retryAfter} ends if one was given */
    BucketState slowed(double limit, long nowMs, Duration retryAfter) {
        BucketState now = refilled(limit, nowMs);
        double halved = Math.max(LOWEST_FACTOR, now.factorAt(nowMs) / 2);
        if (retryAfter != null && retryAfter.toMillis() > 0) {
            return new BucketState(0, nowMs + retryAfter.toMillis(), halved, nowMs);
        }
        return new BucketState(Math.min(now.tokens, capacity(limit * halved)), nowMs, halved, nowMs);
    }

    /** @return milliseconds until the next whole token, 0 if one is there */
    long millisToNextToken(double limit, long nowMs) {
        BucketState now = refilled(limit, nowMs);
        if (now.tokens >= 1) {
            return 0;
        }
        long paused = Math.max(0, now.refilledAtMs - nowMs);
        return paused + (long) Math.ceil((1 - now.tokens) * 1000 / now.rate(limit, Math.max(nowMs, now.refilledAtMs)));
    }
}
