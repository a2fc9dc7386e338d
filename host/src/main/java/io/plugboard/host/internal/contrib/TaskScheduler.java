package io.plugboard.host.internal.contrib;

import io.plugboard.host.internal.common.Threads;
import io.plugboard.host.internal.instances.JobLeases;
import io.plugboard.sdk.Registration;
import io.plugboard.sdk.Runs;
import io.plugboard.sdk.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The plugins' recurring tasks, on two daemon threads of the host: every period (fixed delay) or at the times of a
 * cron expression, on every instance or, through a job lease named {@code plugin:<id>:<name>}, on one. Runs of one
 * task never overlap; a run that throws is logged and the task runs again at its next time.
 */
public final class TaskScheduler implements AutoCloseable {

    private final ScheduledExecutorService threads =
            Executors.newScheduledThreadPool(2, Threads.daemon("plugboard-plugin-tasks"));
    private final Map<String, List<PluginTask>> tasks = new ConcurrentHashMap<>();
    private final Clock clock;
    private final JobLeases leases;
    private final Duration leaseGrace;

    /**
     * @param leases the host's job leases, for tasks that run on one instance
     * @param leaseGrace how long past its next time a one-instance task stays with an instance that stopped renewing
     */
    public TaskScheduler(Clock clock, JobLeases leases, Duration leaseGrace) {
        this.clock = clock;
        this.leases = leases;
        this.leaseGrace = leaseGrace;
    }

    Registration every(String pluginId, String name, Duration period, Runnable task, Runs runs) {
        if (period == null || period.compareTo(Scheduler.MINIMUM_PERIOD) < 0) {
            throw new IllegalArgumentException("a task's period is at least " + Scheduler.MINIMUM_PERIOD.toMillis()
                    + " ms, not " + period);
        }
        return add(pluginId, name, task, after -> Optional.of(after.plus(period)), runs);
    }

    Registration cron(String pluginId, String name, String expression, ZoneId zone, Runnable task, Runs runs) {
        CronTimes times = CronTimes.parse(name, expression, zone, clock.instant());
        return add(pluginId, name, task, times::nextAfter, runs);
    }

    /** @return the job lease's name of a plugin's one-instance task */
    static String jobName(String pluginId, String name) {
        return "plugin:" + pluginId + ":" + name;
    }

    private Registration add(String pluginId, String name, Runnable work, PluginTask.Times times, Runs runs) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a task needs a name");
        }
        if (work == null) {
            throw new IllegalArgumentException("task '" + name + "' has no work to run");
        }
        PluginTask.Lease lease = runs == Runs.ON_ONE_INSTANCE
                ? new PluginTask.Lease(leases, jobName(pluginId, name), leaseGrace) : null;
        PluginTask task = new PluginTask(pluginId, name, work, times, lease, threads, clock);
        List<PluginTask> own = tasks.computeIfAbsent(pluginId, k -> new CopyOnWriteArrayList<>());
        own.add(task);
        task.start();
        return () -> {
            task.cancel();
            own.remove(task);
        };
    }

    /** @return how many tasks of the plugin are scheduled */
    public int countOf(String pluginId) {
        return tasks.getOrDefault(pluginId, List.of()).size();
    }

    void cancelAll(String pluginId) {
        List<PluginTask> own = tasks.remove(pluginId);
        if (own != null) {
            own.forEach(PluginTask::cancel);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
