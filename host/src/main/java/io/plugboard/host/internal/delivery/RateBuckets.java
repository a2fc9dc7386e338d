package io.plugboard.host.internal.delivery;

import java.util.Optional;

/**
 * Where the webhooks' token buckets live: in memory on SQLite (one instance), in a row per webhook on
 * PostgreSQL, where every instance takes from the same bucket. A change runs atomically: no two changes
 * of one bucket overlap, here or on another instance.
 */
interface RateBuckets {

    /** What a change makes of the bucket, and what it answers. */
    record Changed<T>(BucketState next, T answer) {}

    /** A change of one bucket, given its state (a full one if it had none) and the store's clock. */
    @FunctionalInterface
    interface Change<T> {
        Changed<T> apply(BucketState current, long nowMs);
    }

    /**
     * @param limit the webhook's limit, requests per second (a new bucket starts full for it)
     * @return the change's answer, or {@code otherwise} if the webhook is gone
     */
    <T> T change(String webhookId, double limit, Change<T> change, T otherwise);

    /** @return the bucket as last changed, if it was ever used */
    Optional<BucketState> read(String webhookId);
}
