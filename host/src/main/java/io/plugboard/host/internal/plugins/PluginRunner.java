package io.plugboard.host.internal.plugins;

import java.util.List;
import java.util.function.Consumer;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops one plugin, in this order: load its private copy, register its event types, tell
 * the listeners it is {@code starting} (a throw fails the start), start it, tell them it
 * {@code started}. Stopping, or a failed start, runs the reverse: stop, unregister its event types,
 * tell the listeners it {@code stopped}, unload it. A plugin that is not active is not loaded.
 */
final class PluginRunner {

    private static final Logger log = LoggerFactory.getLogger(PluginRunner.class);

    private final PlugboardPluginManager manager;
    private final EventTypeContributions eventTypes;
    private final List<PluginListener> listeners;

    PluginRunner(PlugboardPluginManager manager, EventTypeContributions eventTypes, List<PluginListener> listeners) {
        this.manager = manager;
        this.eventTypes = eventTypes;
        this.listeners = List.copyOf(listeners);
    }

    /** Leaves the plugin ACTIVE, or FAILED with the reason and nothing of it loaded. */
    void start(InstalledPlugin plugin) {
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
        try {
            plugin.warnings(eventTypes.register(wrapper));
        } catch (EventTypeContributions.ProviderFailure e) {
            eventTypes.unregister(id);
            manager.unloadOnly(id);
            fail(plugin, e.getMessage(), e);
            return;
        }
        plugin.warnings().forEach(problem -> log.warn("Plugin '{}': {}", id, problem));
        String failure = startLoaded(wrapper);
        if (failure != null) {
            eventTypes.unregister(id);
            tell(id, "stopped", l -> l.stopped(id));
            manager.unloadOnly(id);
            fail(plugin, failure, null);
            return;
        }
        plugin.set(PluginStatus.ACTIVE, null);
        tell(id, "started", l -> l.started(id));
        log.info("Plugin '{}' {} started", id, plugin.version());
    }

    /** @return why the start failed, or null */
    private String startLoaded(PluginWrapper wrapper) {
        String id = wrapper.getPluginId();
        try {
            for (PluginListener listener : listeners) {
                listener.starting(id, wrapper.getPluginClassLoader());
            }
        } catch (RuntimeException | LinkageError e) {
            log.error("Plugin '{}' could not be set up", id, e);
            return "failed to start: " + Reasons.describe(e);
        }
        if (manager.startPlugin(id) == PluginState.STARTED) {
            return null;
        }
        Throwable error = wrapper.getFailedException();
        return error == null ? "failed to start" : "failed to start: " + Reasons.describe(error);
    }

    /** Stops and unloads an active plugin; it then has the given status and reason. */
    void stop(InstalledPlugin plugin, PluginStatus after, String reason) {
        String id = plugin.id();
        if (plugin.status() == PluginStatus.ACTIVE) {
            try {
                manager.stopOnly(id);
            } catch (RuntimeException | LinkageError e) {
                log.warn("Plugin '{}' did not stop cleanly: {}", id, Reasons.describe(e));
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

    private static void fail(InstalledPlugin plugin, String reason, Throwable error) {
        plugin.set(PluginStatus.FAILED, reason);
        log.error("Plugin '{}' failed and was not started: {}", plugin.id(), reason, error);
    }
}
