package io.plugboard.host.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * API tokens found live a moment ago, by the SHA-256 digest the database stores them under (never the
 * token), so a script sending one on every request does not read the database on every request: that
 * read and its pooled connection were a tenth of a REST emit's cost (BENCHMARKS.md, run 8). Revoking a
 * token forgets it here at once.
 */
final class RecentTokens {

    /**
     * How long a token found live is trusted without asking the database. Per process: with several
     * instances sharing a PostgreSQL database, a token revoked on another one keeps working here for at
     * most this long.
     */
    static final Duration TTL = Duration.ofSeconds(10);
    /** Bounds the memory: more distinct live tokens than this within {@link #TTL} is not expected. */
    static final int MAX_ENTRIES = 1_000;

    /** A token as last read from the database, and when that memory runs out. */
    record Seen(ApiTokens.Verified token, long lastUsedAt, long expiresAt) {}

    private final Map<String, Seen> entries = new ConcurrentHashMap<>();
    /** Counts revocations, so a read that ran across one is not remembered (it may have seen the token live). */
    private final AtomicLong revocations = new AtomicLong();
    private final Clock clock;

    RecentTokens(Clock clock) {
        this.clock = clock;
    }

    /** @param read the database read, made unless the digest was found live within {@link #TTL} */
    Optional<Seen> find(String digest, Supplier<Optional<Seen>> read) {
        Seen hit = entries.get(digest);
        long now = clock.millis();
        if (hit != null && hit.expiresAt() > now) {
            return Optional.of(hit);
        }
        long before = revocations.get();
        Optional<Seen> found = read.get();
        found.ifPresent(seen -> remember(digest, seen, before));
        return found;
    }

    /** @return the expiry a token read now gets */
    long expiry() {
        return clock.millis() + TTL.toMillis();
    }

    /** Notes a recorded use, so the next read of the same memory does not record it again. */
    void used(String digest, Seen seen, long at) {
        entries.replace(digest, seen, new Seen(seen.token(), at, seen.expiresAt()));
    }

    void forget(String tokenId) {
        revocations.incrementAndGet();
        entries.values().removeIf(seen -> seen.token().id().equals(tokenId));
    }

    private void remember(String digest, Seen seen, long revocationsBefore) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(digest, seen);
        // After the put: a revocation that started before it either removed it or is seen here.
        if (revocations.get() != revocationsBefore) {
            entries.remove(digest, seen);
        }
    }
}
