package io.plugboard.host.internal.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
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

    private final CheckMemory<AdminUsers.AdminUser> memory;
    private final SecretKeySpec key;

    public VerifiedCredentials(Clock clock) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.key = new SecretKeySpec(random, "HmacSHA256");
        this.memory = new CheckMemory<>(clock, TTL, MAX_ENTRIES);
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
        return memory.find(key(user, password), check);
    }

    /** Forgets every pair of the admin with this name (ignoring case and surrounding spaces). */
    public void forget(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        memory.forgetIf(admin -> admin.username().toLowerCase(Locale.ROOT).equals(name));
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
        return memory.size();
    }
}
