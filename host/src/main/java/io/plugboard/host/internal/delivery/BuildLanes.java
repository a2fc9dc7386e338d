package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.common.Threads;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the dispatcher has requests built, off its own thread: one lane per webhook, at most one batch
 * being built per webhook at a time, each busy lane on a thread of its own. Building runs the
 * {@code outgoing_payload} filters (plugin code), the payload template and the signer; a slow or stuck
 * one holds only its own webhook's lane (and the slots that batch took), never the dispatcher or another
 * webhook. Threads are made as lanes get busy and end after 30 s idle; since every busy lane holds at
 * least one in-flight slot, there are never more than {@code maxInFlightTotal} of them.
 */
final class BuildLanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BuildLanes.class);

    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), Threads.daemon("plugboard-build"));
    private final Runnable freed;

    /** @param freed called when a lane the dispatcher found busy is free again */
    BuildLanes(Runnable freed) {
        this.freed = freed;
    }

    /** @return whether the webhook's lane is free; if not, {@code freed} runs when it is */
    boolean free(String webhookId) {
        if (!busy.contains(webhookId)) {
            return true;
        }
        waiting.add(webhookId);
        // The lane may have finished between the two looks, without seeing us wait.
        return !busy.contains(webhookId);
    }

    /** Runs the work in the webhook's lane, which the caller found free. */
    void run(String webhookId, Runnable work) {
        busy.add(webhookId);
        try {
            threads.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException | Error e) {
                    log.error("Building requests for webhook {} failed", webhookId, e);
                } finally {
                    busy.remove(webhookId);
                    if (waiting.remove(webhookId)) {
                        freed.run();
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            busy.remove(webhookId);
            throw e;
        }
    }

    /** Interrupts builds still running (a stuck one may ignore it; its thread is a daemon). */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
