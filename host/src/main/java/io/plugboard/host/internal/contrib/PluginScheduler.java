package io.plugboard.host.internal.contrib;

import io.plugboard.sdk.Registration;
import io.plugboard.sdk.Runs;
import io.plugboard.sdk.Scheduler;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.BooleanSupplier;

/** One plugin's {@link Scheduler}: its tasks on the host's {@link TaskScheduler}, refused while it is not running. */
final class PluginScheduler implements Scheduler {

    private final String pluginId;
    private final TaskScheduler tasks;
    private final BooleanSupplier live;

    PluginScheduler(String pluginId, TaskScheduler tasks, BooleanSupplier live) {
        this.pluginId = pluginId;
        this.tasks = tasks;
        this.live = live;
    }

    @Override
    public Registration every(String name, Duration period, Runnable task, Runs runs) {
        requireRunning();
        return tasks.every(pluginId, name, period, task, runs == null ? Runs.ON_EVERY_INSTANCE : runs);
    }

    @Override
    public Registration cron(String name, String expression, ZoneId zone, Runnable task, Runs runs) {
        requireRunning();
        return tasks.cron(pluginId, name, expression, zone, task, runs == null ? Runs.ON_EVERY_INSTANCE : runs);
    }

    private void requireRunning() {
        if (!live.getAsBoolean()) {
            throw new IllegalStateException("plugin '" + pluginId + "' is not running: register in start()");
        }
    }
}
