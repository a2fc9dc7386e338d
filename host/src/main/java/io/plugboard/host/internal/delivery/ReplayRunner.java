package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.common.PeriodicWorker;
import io.plugboard.host.internal.common.Workers;
import io.plugboard.host.internal.instances.JobLeases;
import java.time.Duration;

/**
 * Runs the bulk replays too large to queue while the caller waited, batch by batch, in the background
 * (a supervised worker, {@code replays}). A job runs on the instance holding its lease
 * ({@code replay:<id>}), renewed between batches; its position is stored with every batch, so after a
 * restart, or on another instance once the lease has run out, it goes on where it stopped.
 */
final class ReplayRunner implements AutoCloseable {

    /** How long a job stays with the instance that took it without renewal. */
    private static final Duration HOLD = Duration.ofMinutes(1);
    /** Batches per job before the lease is renewed and the next job gets a turn. */
    private static final int TURN = 20;

    private final DeliveryReplays replays;
    private final JobLeases leases;
    private final PeriodicWorker worker;

    ReplayRunner(DeliveryReplays replays, JobLeases leases, Workers workers) {
        this.replays = replays;
        this.leases = leases;
        this.worker = workers.periodic("replays", "plugboard-replays");
    }

    void start() {
        worker.start(Duration.ofSeconds(1), Duration.ofSeconds(1), this::pass);
    }

    private void pass() {
        for (String id : replays.running()) {
            String lease = "replay:" + id;
            while (leases.tryTake(lease, HOLD)) {
                boolean more = true;
                for (int i = 0; i < TURN && more; i++) {
                    more = replays.runBatch(id);
                }
                if (!more) {
                    leases.release(lease);
                    break;
                }
            }
        }
    }

    @Override
    public void close() {
        worker.close();
    }
}
