package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.outbound.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dispatcher's rate limits: a webhook's own {@code rate_limit}, else the host's default, else none.
 * Before sending, the dispatcher takes tokens from the webhook's bucket ({@link RateBuckets}); what gets
 * none stays in the queue, in order, unattempted. After a refusal it does not ask the bucket again (on
 * PostgreSQL, a transaction) before the next token is due, and {@link #nextWake} tells its loop when
 * that is. A 429 slows the bucket down ({@link BucketState#slowed}).
 */
public final class RateLimiter {

    /**
     * A webhook's limit as it stands.
     *
     * @param limit requests per second, its own or the host's default
     * @param rate the rate in force now: lower than the limit for a while after a 429
     */
    public record Status(double limit, double rate, boolean slowed) {}

    private final RateBuckets buckets;
    private final Double defaultLimit;
    private final Clock clock;
    /** Per webhook refused tokens: the clock's millisecond before which asking again is pointless. */
    private final Map<String, Long> askAgainAt = new ConcurrentHashMap<>();

    RateLimiter(RateBuckets buckets, Double defaultLimit, Clock clock) {
        this.buckets = buckets;
        this.defaultLimit = defaultLimit;
        this.clock = clock;
    }

    /** @return requests per second at most to the webhook, or null for no limit */
    public Double limit(Webhook w) {
        Double own = w.settings().rateLimit();
        return own != null ? own : defaultLimit;
    }

    /** @return how many due deliveries to claim at once: a bucket's worth, so instances share the rest */
    int prefetch(Webhook w, int otherwise) {
        Double limit = limit(w);
        return limit == null ? otherwise : (int) Math.min(otherwise, Math.ceil(BucketState.capacity(limit)));
    }

    /** @return how many of {@code wanted} requests may start now (all of them without a limit) */
    int take(Webhook w, int wanted) {
        Double limit = limit(w);
        if (limit == null || wanted <= 0) {
            return wanted;
        }
        long now = clock.millis();
        Long again = askAgainAt.get(w.id());
        if (again != null && now < again) {
            return 0;
        }
        long[] granted = buckets.change(w.id(), limit, (current, at) -> {
            BucketState full = current.refilled(limit, at);
            int n = full.grantable(wanted);
            BucketState after = full.minus(n);
            return new RateBuckets.Changed<>(after, new long[] {n, after.millisToNextToken(limit, at)});
        }, new long[] {0, 1000});
        if (granted[0] < wanted) {
            askAgainAt.put(w.id(), now + Math.max(1, granted[1]));
        } else {
            askAgainAt.remove(w.id());
        }
        return (int) granted[0];
    }

    /** The endpoint answered 429: slow its bucket down, and keep it empty for the Retry-After if any. */
    void tooManyRequests(Webhook w, Duration retryAfter) {
        Double limit = limit(w);
        if (limit == null) {
            return;
        }
        long waitMs = buckets.change(w.id(), limit, (current, at) -> {
            BucketState slowed = current.slowed(limit, at, retryAfter);
            return new RateBuckets.Changed<>(slowed, slowed.millisToNextToken(limit, at));
        }, 0L);
        askAgainAt.put(w.id(), clock.millis() + Math.max(1, waitMs));
    }

    /** @return how long the dispatcher may sleep before a refused webhook gets a token: at most {@code idle} */
    Duration nextWake(Duration idle) {
        long now = clock.millis();
        long soonest = idle.toMillis();
        for (long at : askAgainAt.values()) {
            if (at > now) {
                soonest = Math.min(soonest, at - now);
            }
        }
        askAgainAt.values().removeIf(at -> at <= now - idle.toMillis());
        return Duration.ofMillis(Math.max(1, soonest));
    }

    /** @return the webhook's limit and the rate in force now (lower after a 429), if it has a limit */
    public Optional<Status> status(Webhook w) {
        Double limit = limit(w);
        if (limit == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        return Optional.of(buckets.read(w.id())
                .map(b -> new Status(limit, b.rate(limit, now), b.rate(limit, now) < limit))
                .orElse(new Status(limit, limit, false)));
    }
}
