package io.plugboard.host.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way tests wait for something: poll a condition until it holds, failing the test with what
 * was awaited once the limit has passed. Polls often at first (most conditions hold within
 * milliseconds) and less often later, so a slow machine is not kept busier by the waiting itself.
 */
public final class Await {

    /** Generous enough for a loaded 2-core machine; a condition that holds returns long before it. */
    public static final Duration LIMIT = Duration.ofSeconds(10);

    private Await() {
    }

    /** Waits until {@code condition} holds, at most {@link #LIMIT}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, LIMIT, condition);
    }

    /** Waits until {@code condition} holds, at most {@code limit}. */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        value(what, limit, condition::getAsBoolean, Boolean::booleanValue);
    }

    /** Reads {@code probe} until its value is {@code done}, at most {@link #LIMIT}, and returns that value. */
    public static <T> T value(String what, Supplier<T> probe, Predicate<? super T> done) {
        return value(what, LIMIT, probe, done);
    }

    /** Reads {@code probe} until its value is {@code done}, at most {@code limit}, and returns that value. */
    public static <T> T value(String what, Duration limit, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + limit.toNanos();
        long pause = 5;
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit.toMillis() + " ms: " + what + "; last seen: " + value);
            }
            pause(pause);
            pause = Math.min(pause * 2, 50);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
