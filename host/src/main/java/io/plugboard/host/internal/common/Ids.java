package io.plugboard.host.internal.common;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes ids such as {@code evt_01JD3…}: a prefix, then 26 Crockford base32 characters holding
 * 48 bits of milliseconds and 80 random bits (the ULID layout), so ids sort by creation time; ids
 * made within the same millisecond count up from the first one's random part, so they sort in the
 * order they were made. Ids must be unique, not secret (secrets come from {@code Secrets}), so the
 * fast per-thread generator provides the randomness: three ids are made per delivery.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final long FORTY_BITS = (1L << 40) - 1;

    private final Clock clock;
    private long lastMillis = -1;
    private long randomHigh;
    private long randomLow;

    public Ids(Clock clock) {
        this.clock = clock;
    }

    public String next(String prefix) {
        long millis;
        long high;
        long low;
        synchronized (this) {
            millis = Math.max(clock.millis(), lastMillis);
            if (millis == lastMillis) {
                randomLow = (randomLow + 1) & FORTY_BITS;
                if (randomLow == 0) {
                    randomHigh = (randomHigh + 1) & FORTY_BITS;
                }
            } else {
                lastMillis = millis;
                randomHigh = ThreadLocalRandom.current().nextLong() & FORTY_BITS;
                randomLow = ThreadLocalRandom.current().nextLong() & FORTY_BITS;
            }
            high = randomHigh;
            low = randomLow;
        }
        char[] out = new char[26];
        // 10 chars of time (50 bits, top 2 always zero), then 8 + 8 chars of randomness (2 x 40 bits).
        encode(millis, out, 0, 10);
        encode(high, out, 10, 8);
        encode(low, out, 18, 8);
        return prefix + "_" + new String(out);
    }

    private static void encode(long value, char[] out, int from, int length) {
        for (int i = from + length - 1; i >= from; i--) {
            out[i] = ALPHABET[(int) (value & 31)];
            value >>>= 5;
        }
    }
}
