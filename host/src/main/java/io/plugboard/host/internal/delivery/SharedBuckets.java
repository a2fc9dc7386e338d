package io.plugboard.host.internal.delivery;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The buckets of instances sharing a PostgreSQL database: a row per webhook in {@code rate_buckets},
 * changed in a transaction that locks it, so every instance takes from the one bucket and together they
 * stay within the limit (plus the bucket's one burst, as a single instance). Time is the database's
 * clock, read after the lock, so instances whose clocks differ cannot refill a bucket twice.
 */
final class SharedBuckets implements RateBuckets {

    private final Jdbi jdbi;

    SharedBuckets(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T change(String webhookId, double limit, Change<T> change, T otherwise) {
        return jdbi.inTransaction(h -> {
            long created = now(h);
            BucketState fresh = BucketState.full(limit, created);
            // Only for a webhook that still exists: the row goes with it (ON DELETE CASCADE).
            h.createUpdate("INSERT INTO rate_buckets (webhook_id, tokens, refilled_at, factor, slowed_at) "
                            + "SELECT id, :tokens, :at, 1, 0 FROM webhooks WHERE id = :id ON CONFLICT (webhook_id) DO NOTHING")
                    .bind("id", webhookId).bind("tokens", fresh.tokens()).bind("at", created)
                    .execute();
            Optional<BucketState> locked = select(h, webhookId, " FOR UPDATE");
            if (locked.isEmpty()) {
                return otherwise;
            }
            Changed<T> changed = change.apply(locked.get(), now(h));
            BucketState next = changed.next();
            h.createUpdate("UPDATE rate_buckets SET tokens = :tokens, refilled_at = :at, factor = :factor, "
                            + "slowed_at = :slowed WHERE webhook_id = :id")
                    .bind("id", webhookId).bind("tokens", next.tokens()).bind("at", next.refilledAtMs())
                    .bind("factor", next.factor()).bind("slowed", next.slowedAtMs())
                    .execute();
            return changed.answer();
        });
    }

    @Override
    public Optional<BucketState> read(String webhookId) {
        return jdbi.withHandle(h -> select(h, webhookId, ""));
    }

    private static Optional<BucketState> select(Handle h, String webhookId, String lock) {
        return h.createQuery("SELECT tokens, refilled_at, factor, slowed_at FROM rate_buckets WHERE webhook_id = :id" + lock)
                .bind("id", webhookId)
                .map((rs, ctx) -> new BucketState(rs.getDouble("tokens"), rs.getLong("refilled_at"),
                        rs.getDouble("factor"), rs.getLong("slowed_at")))
                .findOne();
    }

    /** clock_timestamp(), not now(): the time at this statement, not at the transaction's start. */
    private static long now(Handle h) {
        return h.createQuery("SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)")
                .mapTo(Long.class).one();
    }
}
