package io.plugboard.host.internal.instances;

import io.plugboard.host.internal.common.WorkerProblem;
import java.util.List;

/**
 * One look at this instance's health.
 *
 * @param queueLagMs how long the oldest due delivery has waited; null when the database did not answer
 * @param databaseError why the database did not answer, or null
 * @param problems the background workers failing now
 */
public record HealthReport(Status status, String instanceId, Long queueLagMs, String databaseError,
                           List<WorkerProblem> problems) {

    /** From best to worst. */
    public enum Status { OK, DEGRADED, UNAVAILABLE }
}
