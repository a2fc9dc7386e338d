package io.plugboard.sdk;

import java.time.Duration;

/**
 * Runs a plugin's recurring background work on the host's task threads. Tasks stop when the plugin
 * stops. A task that throws is logged with the plugin's id and runs again at its next time; runs of
 * one task never overlap.
 */
public interface Scheduler {

    /** The shortest period accepted. */
    Duration MINIMUM_PERIOD = Duration.ofMillis(100);

    /**
     * Runs {@code task} every {@code period}, the first time one period from now.
     *
     * @param name a short name for the logs, e.g. {@code "refresh-rates"}
     * @param period at least {@link #MINIMUM_PERIOD}
     * @param task the work
     * @return the handle that cancels the task
     * @throws IllegalArgumentException if the period is shorter than the minimum
     */
    Registration every(String name, Duration period, Runnable task);
}
