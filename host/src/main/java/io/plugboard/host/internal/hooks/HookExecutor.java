package io.plugboard.host.internal.hooks;

import io.plugboard.host.internal.common.Threads;
import io.plugboard.sdk.hooks.ActionHook;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires actions on one thread of its own, for hooks whose natural thread must not wait for plugin
 * code (the delivery engine's). Actions fire in the order they were queued. The queue is bounded: when
 * plugins cannot keep up, further firings are dropped and logged rather than let memory grow.
 */
public final class HookExecutor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HookExecutor.class);
    private static final int QUEUE = 10_000;

    private final HookRunner runner;
    private final ExecutorService thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(QUEUE), Threads.daemon("plugboard-hooks"));

    public HookExecutor(HookRunner runner) {
        this.runner = runner;
    }

    /** @return whether any callback is added to the action */
    public boolean listens(ActionHook<?> hook) {
        return runner.has(hook);
    }

    /** Queues the action, unless nothing listens to it. */
    public <T> void fireLater(ActionHook<T> hook, T payload) {
        if (!runner.has(hook)) {
            return;
        }
        try {
            thread.execute(() -> runner.doAction(hook, payload));
        } catch (RejectedExecutionException e) {
            log.warn("Hook {} dropped: {} firings are already waiting for slow callbacks", hook, QUEUE);
        }
    }

    /** Queues work that runs callbacks (e.g. what follows an emit), in order with the firings. */
    public void runLater(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException e) {
            log.warn("Work dropped: {} firings are already waiting for slow callbacks", QUEUE);
        }
    }

    /** Runs what is queued (for up to 5 s), then stops. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
