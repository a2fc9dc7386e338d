package io.plugboard.host.internal.repository;

import io.plugboard.host.internal.common.PeriodicWorker;
import io.plugboard.host.internal.instances.JobLeases;
import java.time.Clock;

/**
 * The repositories' background work, on one supervised thread: every instance follows the versions
 * chosen on any instance ({@link Reconciler}) every {@code reconcileEvery}; the auto-update
 * ({@link AutoUpdater}) runs once per {@code checkEvery} on the one instance that takes the job lease
 * {@value #JOB} (held for that period, so the next check is due when it expires, wherever).
 */
public final class RepositoryWorker implements AutoCloseable {

    static final String JOB = "plugin-auto-update";

    private final RepositoryService service;
    private final RepositoryOptions options;
    private final JobLeases leases;
    private final Clock clock;
    private final PeriodicWorker worker;
    private final Reconciler reconciler = new Reconciler();
    private final AutoUpdater updater = new AutoUpdater();
    private long nextCheckMillis;

    public RepositoryWorker(RepositoryService service, RepositoryOptions options, JobLeases leases, Clock clock,
                            PeriodicWorker worker) {
        this.service = service;
        this.options = options;
        this.leases = leases;
        this.clock = clock;
        this.worker = worker;
    }

    public void start() {
        worker.start(options.reconcileEvery(), options.reconcileEvery(), this::pass);
    }

    private void pass() {
        service.follow(reconciler);
        if (!autoUpdateOn() || clock.millis() < nextCheckMillis) {
            return;
        }
        // Held for the whole period: no other instance checks before it expires; this one waits for its own clock.
        if (leases.tryTake(JOB, options.checkEvery())) {
            nextCheckMillis = clock.millis() + options.checkEvery().toMillis();
            service.autoUpdate(updater);
        }
    }

    private boolean autoUpdateOn() {
        return service.configured() && (options.autoUpdate() != UpdatePolicy.OFF
                || service.policies().values().stream().anyMatch(p -> p != UpdatePolicy.OFF));
    }

    @Override
    public void close() {
        worker.close();
    }
}
