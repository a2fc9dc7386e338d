package io.plugboard.host.internal.delivery;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The buckets of a single instance (SQLite), in memory: a restart starts them full. */
final class LocalBuckets implements RateBuckets {

    private final Map<String, BucketState> buckets = new ConcurrentHashMap<>();
    private final Clock clock;

    LocalBuckets(Clock clock) {
        this.clock = clock;
    }

    @Override
    public <T> T change(String webhookId, double limit, Change<T> change, T otherwise) {
        Object[] answer = new Object[1];
        // compute() runs the change under the map's lock for this key: one change of a bucket at a time.
        buckets.compute(webhookId, (id, current) -> {
            long now = clock.millis();
            Changed<T> changed = change.apply(current == null ? BucketState.full(limit, now) : current, now);
            answer[0] = changed.answer();
            return changed.next();
        });
        @SuppressWarnings("unchecked")
        T result = (T) answer[0];
        return result;
    }

    @Override
    public Optional<BucketState> read(String webhookId) {
        return Optional.ofNullable(buckets.get(webhookId));
    }
}
