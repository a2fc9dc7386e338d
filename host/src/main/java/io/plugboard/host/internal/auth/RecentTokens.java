package io.plugboard.host.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
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

    /** A token as read from the database, and its last recorded use (moved on when one is written). */
    record Seen(ApiTokens.Verified token, AtomicLong lastUsedAt) {}

    private final CheckMemory<Seen> memory;

    RecentTokens(Clock clock) {
        this.memory = new CheckMemory<>(clock, TTL, MAX_ENTRIES);
    }

    /** @param read the database read, made unless the digest was found live within {@link #TTL} */
    Optional<Seen> find(String digest, Supplier<Optional<Seen>> read) {
        return memory.find(digest, read);
    }

    void forget(String tokenId) {
        memory.forgetIf(seen -> seen.token().id().equals(tokenId));
    }
}
