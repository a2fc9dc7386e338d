package io.plugboard.sdk;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Runs a plugin's recurring background work on the host's task threads, every period or at the times of a cron
 * expression, on every instance of the host (the default) or on one of them ({@link Runs#ON_ONE_INSTANCE}). Tasks stop
 * when the plugin stops. A task that throws is logged with the plugin's id and runs again at its next time; runs of one
 * task never overlap.
 */
public interface Scheduler {

    /** The shortest period accepted. */
    Duration MINIMUM_PERIOD = Duration.ofMillis(100);

    /**
     * Runs {@code task} every {@code period} on every instance, the first time one period from now.
     *
     * @param name a short name for the logs, e.g. {@code "refresh-rates"}
     * @param period at least {@link #MINIMUM_PERIOD}
     * @param task the work
     * @return the handle that cancels the task
     * @throws IllegalArgumentException if the period is shorter than the minimum
     */
    default Registration every(String name, Duration period, Runnable task) {
        return every(name, period, task, Runs.ON_EVERY_INSTANCE);
    }

    /**
     * Runs {@code task} every {@code period}, the first time one period from now, on every instance or on one.
     *
     * @param name a short name, unique within the plugin: with {@link Runs#ON_ONE_INSTANCE} it names the job lease
     * @param period at least {@link #MINIMUM_PERIOD}; the delay between the end of a run and the start of the next
     * @param task the work
     * @param runs where it runs
     * @return the handle that cancels the task
     * @throws IllegalArgumentException if the period is shorter than the minimum
     */
    Registration every(String name, Duration period, Runnable task, Runs runs);

    /**
     * Runs {@code task} at the times of a Quartz cron expression in UTC, on every instance.
     *
     * @param name a short name for the logs, e.g. {@code "nightly-report"}
     * @param expression six or seven fields: second, minute, hour, day of month, month, day of week[, year], with
     *        {@code ?} in one of the two day fields, e.g. <code>"0 *&#47;5 * * * ?"</code> (every five minutes)
     * @param task the work
     * @return the handle that cancels the task
     * @throws IllegalArgumentException if the expression is not a valid Quartz cron expression (the message says why)
     */
    default Registration cron(String name, String expression, Runnable task) {
        return cron(name, expression, ZoneOffset.UTC, task, Runs.ON_EVERY_INSTANCE);
    }

    /**
     * Runs {@code task} at the times of a Quartz cron expression in UTC, on every instance or on one.
     *
     * @see #cron(String, String, ZoneId, Runnable, Runs)
     */
    default Registration cron(String name, String expression, Runnable task, Runs runs) {
        return cron(name, expression, ZoneOffset.UTC, task, runs);
    }

    /**
     * Runs {@code task} at the times of a Quartz cron expression read in {@code zone}. A time that passes while the
     * previous run is still running is skipped.
     *
     * @param name a short name, unique within the plugin: with {@link Runs#ON_ONE_INSTANCE} it names the job lease
     * @param expression six or seven fields: second, minute, hour, day of month, month, day of week[, year], with
     *        {@code ?} in one of the two day fields, e.g. {@code "0 0 2 * * ?"} (at 02:00 every day)
     * @param zone the zone the expression's hours and days are read in
     * @param task the work
     * @param runs where it runs
     * @return the handle that cancels the task
     * @throws IllegalArgumentException if the expression is not a valid Quartz cron expression (the message says why)
     */
    Registration cron(String name, String expression, ZoneId zone, Runnable task, Runs runs);
}
