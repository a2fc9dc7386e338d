package io.plugboard.testkit;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a condition instead of sleeping: reads a value until it satisfies the test, polling often at
 * first and then every 50 ms, and fails with the last value seen once the limit has passed. For what
 * arrives asynchronously: messages on a broker, deliveries in the host's log, a plugin's state.
 *
 * <pre>{@code
 * JsonNode log = Await.until("a delivered attempt", Duration.ofSeconds(20), webhook::deliveries,
 *         d -> d.path(0).path("status").asText().equals("succeeded"));
 * }</pre>
 */
public final class Await {

    private Await() {}

    /**
     * @param what what is awaited, for the failure message
     * @param limit how long to wait at most
     * @param probe reads the current value (called at least once)
     * @param done true when the value is the awaited one
     * @return the first value that satisfied {@code done}
     * @throws AssertionError if none did within the limit, with the last value
     */
    public static <T> T until(String what, Duration limit, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + limit.toNanos();
        long pause = 5;
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + limit.toMillis() + " ms: " + what + "; last seen: " + value);
            }
            try {
                Thread.sleep(pause); // the pause between two looks, not a wait for the condition
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            pause = Math.min(pause * 2, 50);
        }
    }
}
