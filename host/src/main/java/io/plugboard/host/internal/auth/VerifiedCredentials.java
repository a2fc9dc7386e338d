package io.plugboard.host.internal.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP Basic (user name, password) pairs that passed the Argon2id check a moment ago, so that a script
 * using Basic does not pay ~50 ms of hashing on every request. Only successes are remembered: a wrong
 * password always goes through Argon2id and the {@link LoginThrottle}. An entry is found by an
 * HMAC-SHA256 of the pair under a random key made at start and kept only in this process, so neither
 * the password nor a plain hash of it (which could be guessed offline) is held; it holds the admin and
 * when it expires. Entries of an admin are forgotten when their password changes, they are deleted or
 * added again, or their account is locked by the throttle.
 */
public final class VerifiedCredentials {

    /**
     * How long a verified pair is trusted, counted from the check (using it does not extend it). Short,
     * because this memory is per process: with several instances sharing a PostgreSQL database, a
     * password change or deletion made on another instance cannot reach it, so an old password keeps
     * working here for at most this long. Long enough that a busy script pays Argon2id once a minute.
     */
    static final Duration TTL = Duration.ofSeconds(60);
    /** Bounds the memory; more distinct admins (or passwords) in use within a minute is not expected. */
    static final int MAX_ENTRIES = 1_000;

    private record Entry(AdminUsers.AdminUser admin, long expiresAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Counts forgets, so a check that ran across one is not remembered (it may have read the old password). */
    private final AtomicLong forgets = new AtomicLong();
    private final Object sizeLock = new Object();
    private final SecretKeySpec key;
    private final Clock clock;

    public VerifiedCredentials(Clock clock) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
        this.clock = clock;
    }

    /**
     * @param check the full password check, run unless the pair was verified within {@link #TTL}
     * @return the admin whose credentials these are
     */
    public Optional<AdminUsers.AdminUser> verify(String user, String password,
                                                 Supplier<Optional<AdminUsers.AdminUser>> check) {
        if (user == null || password == null) {
            return check.get();
        }
        String pair = key(user, password);
        Entry hit = entries.get(pair);
        if (hit != null) {
            if (hit.expiresAt() > clock.millis()) {
                return Optional.of(hit.admin());
            }
            entries.remove(pair, hit);
        }
        long before = forgets.get();
        Optional<AdminUsers.AdminUser> admin = check.get();
        admin.ifPresent(a -> remember(pair, a, before));
        return admin;
    }

    /** Forgets every pair of the admin with this name (ignoring case and surrounding spaces). */
    public void forget(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        forgets.incrementAndGet();
        entries.values().removeIf(e -> e.admin().username().toLowerCase(Locale.ROOT).equals(name));
    }

    private void remember(String pair, AdminUsers.AdminUser admin, long forgetsBefore) {
        Entry entry = new Entry(admin, clock.millis() + TTL.toMillis());
        synchronized (sizeLock) {
            makeRoom();
            entries.put(pair, entry);
        }
        // After the put: a forget that started before it either removes it or is seen here (see forget).
        if (forgets.get() != forgetsBefore) {
            entries.remove(pair, entry);
        }
    }

    /** Drops expired entries, then the oldest, until one more fits. */
    private void makeRoom() {
        if (entries.size() < MAX_ENTRIES) {
            return;
        }
        long now = clock.millis();
        entries.values().removeIf(e -> e.expiresAt() <= now);
        while (entries.size() >= MAX_ENTRIES) {
            entries.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().expiresAt()))
                    .ifPresent(oldest -> entries.remove(oldest.getKey(), oldest.getValue()));
        }
    }

    /** The keyed hash under which a pair is found; the length prefix keeps user and password apart. */
    String key(String user, String password) {
        byte[] name = user.getBytes(StandardCharsets.UTF_8);
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(ByteBuffer.allocate(4).putInt(name.length).array());
            mac.update(name);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(secret));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** @return how many pairs are remembered, expired ones included until they are swept */
    int size() {
        return entries.size();
    }
}
