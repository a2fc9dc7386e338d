package io.plugboard.host.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Credential checks that passed a moment ago, so the next request with the same credential skips the
 * expensive check (Argon2id for HTTP Basic, a database read for an API token). One mechanism for both:
 * an entry lives for a fixed time from its check (using it does not extend it), only successes are
 * kept, the memory is bounded (expired entries go first, then the oldest), and a check that ran across
 * a {@link #forgetIf} is not kept, since it may have read what was just revoked. Per process: with
 * several instances, a change made on another one reaches this memory only by the expiry.
 *
 * @param <V> what a passed check found (the admin, the token)
 */
final class CheckMemory<V> {

    private record Entry<V>(V value, long expiresAt) {}

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    /** Counts forgets, so a check that ran across one is not kept. */
    private final AtomicLong forgets = new AtomicLong();
    private final Object sizeLock = new Object();
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;

    CheckMemory(Clock clock, Duration ttl, int maxEntries) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    /**
     * @param key what the credential is found under (never the credential itself)
     * @param check the full check, run unless one passed for this key within the time to live
     */
    Optional<V> find(String key, Supplier<Optional<V>> check) {
        Entry<V> hit = entries.get(key);
        if (hit != null) {
            if (hit.expiresAt() > clock.millis()) {
                return Optional.of(hit.value());
            }
            entries.remove(key, hit);
        }
        long before = forgets.get();
        Optional<V> found = check.get();
        found.ifPresent(value -> remember(key, value, before));
        return found;
    }

    /** Forgets every kept check whose value matches. */
    void forgetIf(Predicate<V> which) {
        forgets.incrementAndGet();
        entries.values().removeIf(e -> which.test(e.value()));
    }

    /** @return how many checks are kept, expired ones included until they are swept */
    int size() {
        return entries.size();
    }

    private void remember(String key, V value, long forgetsBefore) {
        Entry<V> entry = new Entry<>(value, clock.millis() + ttl.toMillis());
        synchronized (sizeLock) {
            makeRoom();
            entries.put(key, entry);
        }
        // After the put: a forget that started before it either removed it or is seen here.
        if (forgets.get() != forgetsBefore) {
            entries.remove(key, entry);
        }
    }

    /** Drops expired entries, then the oldest, until one more fits. */
    private void makeRoom() {
        if (entries.size() < maxEntries) {
            return;
        }
        long now = clock.millis();
        entries.values().removeIf(e -> e.expiresAt() <= now);
        while (entries.size() >= maxEntries) {
            entries.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().expiresAt()))
                    .ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
        }
    }
}
