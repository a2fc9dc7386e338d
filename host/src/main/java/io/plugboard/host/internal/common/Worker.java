package io.plugboard.host.internal.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the host's background workers (the dispatcher, the lease renewer, the heartbeat, …) as its
 * supervisor sees it. A pass that throws anything — a {@link LinkageError} from a mismatched library
 * as much as an exception — is caught here, logged once per streak of failures with its cause, and
 * reported through {@link Workers#problems()} (so {@code /health} answers 503) until a pass succeeds.
 * A worker never dies of it: the next pass comes after {@link #backoff()}.
 */
public final class Worker {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(1);

    private final String name;
    private final Clock clock;
    private volatile WorkerProblem problem;

    Worker(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    public String name() {
        return name;
    }

    /**
     * Runs one pass of the worker's job.
     *
     * @return true if it succeeded; false if it threw, which is logged and reported, never rethrown
     */
    public boolean run(Runnable pass) {
        try {
            pass.run();
        } catch (Throwable t) { // NOPMD: a supervisor's job; an interrupt is kept for the caller's loop
            failed(t);
            return false;
        }
        succeeded();
        return true;
    }

    /** A pass failed in a way the worker caught itself: reported like a throw from {@link #run}. */
    public synchronized void failed(Throwable cause) {
        WorkerProblem before = problem;
        Instant since = before == null ? clock.instant() : before.since();
        int failures = before == null ? 1 : before.failures() + 1;
        problem = new WorkerProblem(name, cause.getClass().getSimpleName(), cause.getMessage(), since, failures);
        if (before == null) {
            log.error("Background worker '{}' failed and will retry (every failure until it recovers is "
                    + "reported on /health, logged here once): {}", name, problem.error(), cause);
        } else {
            log.debug("Background worker '{}' failed again ({} in a row): {}", name, failures, problem.error());
        }
    }

    /** A pass succeeded: the worker is healthy again. Called after every pass, so the usual case takes no lock. */
    public void succeeded() {
        if (problem == null) {
            return;
        }
        synchronized (this) {
            WorkerProblem before = problem;
            if (before != null) {
                problem = null;
                log.info("Background worker '{}' works again after {} failed pass(es)", name, before.failures());
            }
        }
    }

    /** @return whether the last pass failed */
    public boolean failing() {
        return problem != null;
    }

    /** @return how long to wait before the next pass: zero while healthy, then 1 s doubling up to 1 min */
    public Duration backoff() {
        WorkerProblem now = problem;
        if (now == null) {
            return Duration.ZERO;
        }
        int doublings = Math.min(now.failures() - 1, 6);
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait;
    }

    /** @return what is wrong, while the last pass failed */
    public Optional<WorkerProblem> problem() {
        return Optional.ofNullable(problem);
    }
}
