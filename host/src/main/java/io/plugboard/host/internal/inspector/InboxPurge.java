package io.plugboard.host.internal.inspector;

import io.plugboard.host.internal.common.PeriodicWorker;
import io.plugboard.host.internal.common.Workers;
import io.plugboard.host.internal.instances.JobLeases;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes expired inboxes and their requests in the background. An expired inbox is already gone for
 * every reader; this reclaims its rows. With several instances on one database, the one that takes
 * the job's lease runs a round and the others skip it.
 */
public final class InboxPurge implements AutoCloseable {

    static final String JOB = "inspector-purge";
    private static final Logger log = LoggerFactory.getLogger(InboxPurge.class);
    private static final Duration EVERY = Duration.ofMinutes(10);
    /** Shorter than a round, so the next round's instance, whichever it is, can take the lease. */
    private static final Duration HOLD = Duration.ofMinutes(9);

    private final Inboxes inboxes;
    private final JobLeases jobs;
    private final PeriodicWorker worker;

    public InboxPurge(Inboxes inboxes, JobLeases jobs, Workers workers) {
        this.inboxes = inboxes;
        this.worker = workers.periodic("inspector-purge", "plugboard-inspector-purge");
        this.jobs = jobs;
    }

    public void start() {
        worker.start(EVERY, EVERY, this::purgeRound);
    }

    /** @return inboxes removed, or -1 when another instance holds this round */
    int runOnce() {
        if (!jobs.tryTake(JOB, HOLD)) {
            return -1;
        }
        return inboxes.purgeExpired();
    }

    private void purgeRound() {
        int removed = runOnce();
        if (removed > 0) {
            log.info("Removed {} expired inspector inbox(es)", removed);
        }
    }

    @Override
    public void close() {
        worker.close();
    }
}
