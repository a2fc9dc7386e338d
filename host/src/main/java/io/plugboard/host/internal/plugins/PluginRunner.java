package io.plugboard.host.internal.plugins;

import io.plugboard.sdk.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops one plugin, in this order: load its private copy, read its event types (its own
 * code, within the start's time limit) and register them, note its {@link StartWarnings}, tell
 * the listeners it is {@code starting} (a throw fails the start), start it, tell them it
 * {@code started}. Stopping, or a failed start, runs the reverse: stop, unregister its event types,
 * tell the listeners it {@code stopped}, unload it. A plugin that is not active is not loaded.
 * The plugin's constructor and {@code start()}, and its {@code stop()}, run through {@link PluginCalls}
 * within the {@link PluginTimeLimits}; a plugin that hangs there or throws an {@link Error} is
 * also put in {@link PluginQuarantine}.
 */
final class PluginRunner {

    private static final Logger log = LoggerFactory.getLogger(PluginRunner.class);

    private final PlugboardPluginManager manager;
    private final EventTypeContributions eventTypes;
    private final List<PluginListener> listeners;
    private final PluginCalls calls;
    private final PluginTimeLimits limits;
    private final PluginQuarantine quarantine;
    private final Runnable changed;

    /** @param changed told when a plugin begins or ends a start, so readers see it without waiting */
    PluginRunner(PlugboardPluginManager manager, EventTypeContributions eventTypes, List<PluginListener> listeners,
                 PluginCalls calls, PluginTimeLimits limits, PluginQuarantine quarantine, Runnable changed) {
        this.manager = manager;
        this.eventTypes = eventTypes;
        this.listeners = List.copyOf(listeners);
        this.calls = calls;
        this.limits = limits;
        this.quarantine = quarantine;
        this.changed = changed;
    }

    /** Leaves the plugin ACTIVE, or FAILED with the reason and nothing of it loaded. */
    void start(InstalledPlugin plugin) {
        plugin.set(PluginStatus.STARTING, null);
        plugin.warnings(List.of()); // a start that fails before they are worked out keeps no earlier ones
        changed.run();
        try {
            load(plugin);
        } finally {
            changed.run();
        }
    }

    private void load(InstalledPlugin plugin) {
        String id = plugin.id();
        PluginWrapper wrapper;
        try {
            String loaded = manager.loadPlugin(plugin.copy());
            wrapper = manager.getPlugin(loaded);
        } catch (RuntimeException | LinkageError e) {
            PluginWrapper partly = manager.getPlugin(id);
            if (partly != null && partly.getPluginPath().equals(plugin.copy())) {
                manager.unloadOnly(id);
            }
            fail(plugin, "cannot be loaded: " + Reasons.describe(e), e);
            return;
        }
        List<EventType> declared = new ArrayList<>(); // filled by the plugin's thread, read only once it returned
        PluginCalls.Outcome read = calls.run(id, PluginCalls.Call.START, limits.start(),
                wrapper.getPluginClassLoader(), () -> declared.addAll(eventTypes.declared(wrapper)));
        if (!read.returned()) {
            manager.unloadOnly(id);
            String reason = read.ending() == PluginCalls.Ending.THREW
                    && (!(read.error() instanceof Error) || read.error() instanceof LinkageError)
                    ? "an event type provider failed: " + Reasons.describe(read.error())
                    : read.reason(PluginCalls.Call.START, limits.start());
            if (read.dangerous()) {
                quarantine.hold(plugin, reason);
            }
            fail(plugin, reason, read.error());
            return;
        }
        List<String> refused = eventTypes.register(id, declared);
        plugin.warnings(StartWarnings.of(wrapper, manager.getExtensionClassNames(id), declared, refused));
        plugin.warnings().forEach(problem -> log.warn("Plugin '{}': {}", id, problem));
        String failure = startLoaded(plugin, wrapper);
        if (failure != null) {
            eventTypes.unregister(id);
            tell(id, "stopped", l -> l.stopped(id));
            manager.unloadOnly(id); // never started: PF4J does not call its stop(); its class loader is closed
            fail(plugin, failure, null);
            return;
        }
        plugin.set(PluginStatus.ACTIVE, null);
        tell(id, "started", l -> l.started(id));
        log.info("Plugin '{}' {} started", id, plugin.version());
    }

    /** @return why the start failed, or null */
    private String startLoaded(InstalledPlugin plugin, PluginWrapper wrapper) {
        String id = wrapper.getPluginId();
        try {
            for (PluginListener listener : listeners) {
                listener.starting(id, wrapper.getPluginClassLoader());
            }
        } catch (RuntimeException | LinkageError e) {
            log.error("Plugin '{}' could not be set up", id, e);
            return "failed to start: " + Reasons.describe(e);
        }
        PluginCalls.Outcome outcome = calls.run(id, PluginCalls.Call.START, limits.start(),
                wrapper.getPluginClassLoader(), () -> wrapper.getPlugin().start());
        if (outcome.returned()) {
            manager.markStarted(id);
            return null;
        }
        String reason = outcome.reason(PluginCalls.Call.START, limits.start());
        if (outcome.error() != null) {
            log.error("Plugin '{}' {}", id, reason, outcome.error());
        }
        if (outcome.dangerous()) {
            quarantine.hold(plugin, reason);
        }
        return reason;
    }

    /** Stops and unloads an active plugin; it then has the given status and reason (failed if it did not stop in time). */
    void stop(InstalledPlugin plugin, PluginStatus after, String reason) {
        String id = plugin.id();
        if (plugin.status() == PluginStatus.ACTIVE) {
            PluginWrapper wrapper = manager.getPlugin(id);
            PluginCalls.Outcome outcome = calls.run(id, PluginCalls.Call.STOP, limits.stop(),
                    wrapper.getPluginClassLoader(), () -> wrapper.getPlugin().stop());
            manager.markStopped(id); // whatever happened, PF4J must not call stop() again
            if (outcome.ending() == PluginCalls.Ending.TIMED_OUT) {
                after = PluginStatus.FAILED;
                reason = outcome.reason(PluginCalls.Call.STOP, limits.stop());
                log.error("Plugin '{}' {}; its thread is left behind and its class loader dropped", id, reason);
            } else if (!outcome.returned()) {
                log.warn("Plugin '{}' did not stop cleanly: {}", id, outcome.reason(PluginCalls.Call.STOP, limits.stop()));
            }
            eventTypes.unregister(id);
            tell(id, "stopped", l -> l.stopped(id));
            try {
                manager.unloadOnly(id);
            } catch (RuntimeException e) {
                log.warn("Plugin '{}' did not unload cleanly: {}", id, Reasons.describe(e));
            }
            log.info("Plugin '{}' stopped", id);
        }
        plugin.set(after, reason);
        if (after == PluginStatus.FAILED) {
            String why = reason;
            tell(id, "failed", l -> l.failed(id, plugin.version(), why));
        }
    }

    /** Tells every listener; one that throws is logged and does not keep the others from hearing it. */
    void tell(String pluginId, String what, Consumer<PluginListener> call) {
        for (PluginListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException | LinkageError e) {
                log.error("A plugin listener failed on '{}' {}", pluginId, what, e);
            }
        }
    }

    private void fail(InstalledPlugin plugin, String reason, Throwable error) {
        plugin.set(PluginStatus.FAILED, reason);
        log.error("Plugin '{}' failed and was not started: {}", plugin.id(), reason, error);
        tell(plugin.id(), "failed", l -> l.failed(plugin.id(), plugin.version(), reason));
    }
}
