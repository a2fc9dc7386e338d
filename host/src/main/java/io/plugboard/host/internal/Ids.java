package io.plugboard.host.internal;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes ids such as {@code evt_01JD3…}: a prefix, then 26 Crockford base32 characters holding
 * 48 bits of milliseconds and 80 random bits (the ULID layout), so ids sort by creation time.
 * Ids must be unique, not secret (secrets come from {@code Secrets}), so the fast per-thread
 * generator is used: three ids are made per delivery.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final Clock clock;

    public Ids(Clock clock) {
        this.clock = clock;
    }

    public String next(String prefix) {
        long millis = clock.millis();
        byte[] entropy = new byte[10];
        ThreadLocalRandom.current().nextBytes(entropy);
        char[] out = new char[26];
        // 10 chars of time (50 bits, top 2 always zero), then 16 chars of randomness (80 bits).
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        long hi = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (entropy[i] & 0xff);
        }
        long lo = 0;
        for (int i = 5; i < 10; i++) {
            lo = (lo << 8) | (entropy[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return prefix + "_" + new String(out);
    }
}
