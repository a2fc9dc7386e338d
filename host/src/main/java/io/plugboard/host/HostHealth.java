package io.plugboard.host;

import java.time.Instant;
import java.util.List;

/**
 * How a running host is, as {@code GET /health} reports it (which answers 503 unless {@link #status()}
 * is {@link Status#OK}). Get it from {@link Plugboard#health()}, e.g. for the application's own health
 * endpoint.
 *
 * @param status the overall state
 * @param instanceId this instance's id
 * @param queueLagMs how long the oldest due delivery has waited, in milliseconds; -1 when the database
 *     did not answer
 * @param problems what is wrong now, empty when all is well
 */
public record HostHealth(Status status, String instanceId, long queueLagMs, List<Problem> problems) {

    /** The overall state, from best to worst. */
    public enum Status {
        /** Everything works. */
        OK,
        /**
         * A background worker (the dispatcher, the attempt recorder, the lease renewer, …) is failing and
         * retrying: events may be accepted but not delivered until it recovers.
         */
        DEGRADED,
        /** The database does not answer. */
        UNAVAILABLE
    }

    /**
     * One thing that is wrong.
     *
     * @param component what fails, e.g. {@code dispatcher} or {@code database}
     * @param error the failure: its type and message
     * @param since when it began failing
     * @param failures how many passes in a row failed (1 for the database)
     */
    public record Problem(String component, String error, Instant since, int failures) {
    }
}
