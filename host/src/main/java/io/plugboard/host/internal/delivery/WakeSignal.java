package io.plugboard.host.internal.delivery;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How the dispatching thread waits between passes: until someone wakes it (deliveries were committed, a
 * slot or a build lane became free) or the idle poll comes round; and after a failed pass, for the whole
 * backoff, wakes ignored, or a broken pass would spin as fast as emits arrive. Both waits end early once
 * {@code running} turns false (and {@link #wake()} is called), so closing is not held up.
 */
final class WakeSignal {

    private final Object lock = new Object();
    private boolean requested;

    /** Asks for a pass now. */
    void wake() {
        synchronized (lock) {
            requested = true;
            lock.notifyAll();
        }
    }

    /** Waits for a wake asked for since the last wait, or at most {@code idle}. */
    void awaitWake(Duration idle, BooleanSupplier running) throws InterruptedException {
        synchronized (lock) {
            if (!requested && running.getAsBoolean()) {
                lock.wait(idle.toMillis());
            }
            requested = false;
        }
    }

    /** Waits the whole {@code pause}, whatever wakes arrive meanwhile. */
    void awaitPause(Duration pause, BooleanSupplier running) throws InterruptedException {
        long until = System.nanoTime() + pause.toNanos();
        synchronized (lock) {
            for (long left = until - System.nanoTime(); left > 0 && running.getAsBoolean(); left = until - System.nanoTime()) {
                lock.wait(Math.max(1, left / 1_000_000));
            }
            requested = false;
        }
    }
}
