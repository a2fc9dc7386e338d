package io.plugboard.host.internal.contrib;

import io.plugboard.host.internal.instances.JobLeases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scheduled task of a plugin. Each run plans the next one only when it ends, so runs never overlap; a run that
 * throws is logged and the next one is planned all the same. A task that runs on one instance first takes (or renews)
 * its job lease, held until its next time plus the lease duration, so a stopped holder is replaced within that lease.
 */
final class PluginTask {

    /** When a task runs: the first time strictly after a given time. */
    interface Times {
        Optional<Instant> nextAfter(Instant after);
    }

    /** The job lease a one-instance task holds: the host's leases, the job's name, how long a silent holder keeps it. */
    record Lease(JobLeases leases, String job, Duration grace) {}

    private static final Logger log = LoggerFactory.getLogger(PluginTask.class);

    private final String pluginId;
    private final String name;
    private final Runnable work;
    private final Times times;
    private final Lease lease;
    private final ScheduledExecutorService threads;
    private final Clock clock;
    private Instant planned;
    private ScheduledFuture<?> future;
    private boolean cancelled;

    /** @param lease null for a task that runs on every instance */
    PluginTask(String pluginId, String name, Runnable work, Times times, Lease lease, ScheduledExecutorService threads,
               Clock clock) {
        this.pluginId = pluginId;
        this.name = name;
        this.work = work;
        this.times = times;
        this.lease = lease;
        this.threads = threads;
        this.clock = clock;
    }

    void start() {
        planAfter(clock.instant());
    }

    synchronized void cancel() {
        cancelled = true;
        if (future != null) {
            future.cancel(false);
        }
        if (lease != null) {
            try {
                lease.leases().release(lease.job());
            } catch (RuntimeException e) {
                log.debug("Could not hand back job '{}'; it expires by itself: {}", lease.job(), e.toString());
            }
        }
    }

    private synchronized void planAfter(Instant after) {
        if (cancelled) {
            return;
        }
        Optional<Instant> next = times.nextAfter(after);
        if (next.isEmpty()) {
            log.info("Task '{}' of plugin '{}' has no more times to run", name, pluginId);
            return;
        }
        planned = next.get();
        long delay = Math.max(0, planned.toEpochMilli() - clock.millis());
        try {
            future = threads.schedule(this::runAndPlan, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("Task '{}' of plugin '{}' not planned: the scheduler is closed", name, pluginId);
        }
    }

    private void runAndPlan() {
        // The timer wakes by its own clock, which may be a little ahead of the wall clock: never plan the same time twice.
        Instant due = planned;
        try {
            if (holdsLease(due)) {
                work.run();
                holdsLease(due);
            }
        } catch (Exception | LinkageError | AssertionError e) {
            log.warn("Task '{}' of plugin '{}' threw; it runs again at its next time: {}", name, pluginId, e, e);
        }
        Instant now = clock.instant();
        planAfter(now.isAfter(due) ? now : due);
    }

    /** Takes or renews the lease until the next time after this run, plus its grace; true without a lease. */
    private boolean holdsLease(Instant due) {
        if (lease == null) {
            return true;
        }
        Instant now = clock.instant();
        Instant next = times.nextAfter(now.isAfter(due) ? now : due).orElse(now);
        Duration hold = Duration.between(now, next).plus(lease.grace());
        return lease.leases().tryTake(lease.job(), hold.isNegative() ? lease.grace() : hold);
    }
}
