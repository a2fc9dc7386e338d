package io.plugboard.host.internal.common;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A supervised {@link Worker} whose job runs every so often on its own daemon thread. A plain
 * {@link ScheduledExecutorService} silently stops a periodic task that throws once; here every run
 * goes through {@link Worker#run}, so a failure is reported and the next run comes as planned.
 */
public final class PeriodicWorker implements AutoCloseable {

    private final Worker worker;
    private final ScheduledExecutorService thread;

    PeriodicWorker(Worker worker, String threadName) {
        this.worker = worker;
        this.thread = Executors.newSingleThreadScheduledExecutor(Threads.daemon(threadName));
    }

    /** Runs {@code pass} after {@code first}, then {@code every} after each run ends. */
    public void start(Duration first, Duration every, Runnable pass) {
        thread.scheduleWithFixedDelay(() -> worker.run(pass), first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code pass} once on the calling thread, supervised like the periodic runs. */
    public void runNow(Runnable pass) {
        worker.run(pass);
    }

    /** Runs {@code pass} once on the worker's thread as soon as it is free; nothing once closed. */
    public void runSoon(Runnable pass) {
        try {
            thread.execute(() -> worker.run(pass));
        } catch (RejectedExecutionException closed) {
            // the host is stopping
        }
    }

    /**
     * Stops the runs, interrupting one under way, and waits up to 5 s for it to end, so that what
     * closes next (a lock's owner, the database) is not used by a run still going.
     */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
