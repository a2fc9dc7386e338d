package io.plugboard.host.internal.instances;

import io.plugboard.host.internal.common.WorkerProblem;
import io.plugboard.host.internal.common.Workers;
import java.util.List;

/**
 * How this instance is, for {@code /health} and {@code Plugboard.health()}: {@code unavailable} when
 * the database does not answer, {@code degraded} while a background worker fails (the engine may
 * accept events it cannot deliver: a load balancer or supervisor should know), else {@code ok}.
 */
public final class HealthCheck {

    private final Instances instances;
    private final Workers workers;

    public HealthCheck(Instances instances, Workers workers) {
        this.instances = instances;
        this.workers = workers;
    }

    public HealthReport check() {
        List<WorkerProblem> problems = workers.problems();
        long lag;
        try {
            lag = instances.queueLagMs();
        } catch (RuntimeException e) {
            return new HealthReport(HealthReport.Status.UNAVAILABLE, instances.id(), null,
                    "the database does not answer: " + e.getMessage(), problems);
        }
        HealthReport.Status status = problems.isEmpty() ? HealthReport.Status.OK : HealthReport.Status.DEGRADED;
        return new HealthReport(status, instances.id(), lag, null, problems);
    }
}
