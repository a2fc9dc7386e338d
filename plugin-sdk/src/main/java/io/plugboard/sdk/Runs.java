package io.plugboard.sdk;

/**
 * Where a scheduled task runs when several host instances share one database.
 */
public enum Runs {

    /** Every instance runs the task on its own schedule (the default): for work on the instance itself, such as a cache. */
    ON_EVERY_INSTANCE,

    /**
     * One instance at a time runs the task: the one holding the task's job lease, which renews it at each run. When it
     * stops (or stops renewing) another instance takes over at its next time, at the latest one lease duration later.
     */
    ON_ONE_INSTANCE
}
