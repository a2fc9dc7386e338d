package io.plugboard.host.internal.contrib;

import io.plugboard.host.internal.common.Threads;
import io.plugboard.sdk.Registration;
import io.plugboard.sdk.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins' recurring tasks, on two daemon threads of the host. Fixed delay, so runs of one task
 * never overlap; a run that throws is logged and the task runs again at its next time.
 */
public final class TaskScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TaskScheduler.class);

    private final ScheduledExecutorService threads =
            Executors.newScheduledThreadPool(2, Threads.daemon("plugboard-plugin-tasks"));
    private final Map<String, List<ScheduledFuture<?>>> tasks = new ConcurrentHashMap<>();

    Registration every(String pluginId, String name, Duration period, Runnable task) {
        if (period == null || period.compareTo(Scheduler.MINIMUM_PERIOD) < 0) {
            throw new IllegalArgumentException("a task's period is at least " + Scheduler.MINIMUM_PERIOD.toMillis()
                    + " ms, not " + period);
        }
        long millis = period.toMillis();
        ScheduledFuture<?> future = threads.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (Exception | LinkageError | AssertionError e) {
                log.warn("Task '{}' of plugin '{}' threw; it runs again in {} ms: {}", name, pluginId, millis, e, e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        List<ScheduledFuture<?>> own = tasks.computeIfAbsent(pluginId, k -> new CopyOnWriteArrayList<>());
        own.add(future);
        return () -> {
            future.cancel(false);
            own.remove(future);
        };
    }

    /** @return how many tasks of the plugin are scheduled */
    public int countOf(String pluginId) {
        return tasks.getOrDefault(pluginId, List.of()).size();
    }

    void cancelAll(String pluginId) {
        List<ScheduledFuture<?>> own = tasks.remove(pluginId);
        if (own != null) {
            own.forEach(f -> f.cancel(false));
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
