package io.plugboard.host.internal.common;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The host's background workers, each supervised (see {@link Worker}); what is wrong with them now
 * is what {@code /health} and {@code Plugboard.health()} report.
 */
public final class Workers {

    private final Clock clock;
    private final Map<String, Worker> byName = new ConcurrentHashMap<>();

    public Workers(Clock clock) {
        this.clock = clock;
    }

    /** @return the worker of this name, made at the first call */
    public Worker worker(String name) {
        return byName.computeIfAbsent(name, n -> new Worker(n, clock));
    }

    /** @return a worker of this name whose job runs periodically on a daemon thread of the given name */
    public PeriodicWorker periodic(String name, String threadName) {
        return new PeriodicWorker(worker(name), threadName);
    }

    /** @return the workers whose last pass failed, by name */
    public List<WorkerProblem> problems() {
        List<WorkerProblem> problems = new ArrayList<>();
        byName.values().forEach(w -> w.problem().ifPresent(problems::add));
        problems.sort((a, b) -> a.worker().compareTo(b.worker()));
        return problems;
    }

    /**
     * Starts a thread running {@code loop} (not a daemon: such loops drain at close, as the host's
     * {@code close()} asks them to). Should the loop itself throw (its passes should
     * go through {@link Worker#run}, so only a bug gets here), the thread does not end: the failure is
     * reported and the loop started again after the worker's backoff, while {@code running} holds.
     */
    public static Thread supervisedThread(Worker worker, String threadName, Runnable loop, BooleanSupplier running) {
        Thread thread = new Thread(() -> {
            while (running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
                if (worker.run(loop)) {
                    return;
                }
                if (!pause(worker.backoff().toMillis())) {
                    return;
                }
            }
        }, threadName);
        thread.start();
        return thread;
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
