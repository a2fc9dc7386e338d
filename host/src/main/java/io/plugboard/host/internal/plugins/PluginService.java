package io.plugboard.host.internal.plugins;

import io.plugboard.host.internal.events.EventTypeCompiler;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.InvalidEventTypeException;
import io.plugboard.host.internal.events.RegisteredEventType;
import io.plugboard.sdk.EventEmitter;
import io.plugboard.sdk.EventType;
import io.plugboard.sdk.EventTypeProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the plugin jars, starts them, and registers what they contribute. A plugin that fails in
 * any way is reported with its reason and never stops the host.
 */
public final class PluginService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginService.class);

    private final PlugboardPluginManager manager;
    private final EventTypeRegistry registry;
    private final EventTypeCompiler compiler;
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<String, List<String>> warnings = new ConcurrentHashMap<>();
    private volatile String resolveFailure;

    public PluginService(Path pluginsDir, String hostVersion, EventTypeRegistry registry, EventTypeCompiler compiler,
                         Function<String, EventEmitter> emitters) {
        this.registry = registry;
        this.compiler = compiler;
        this.manager = new PlugboardPluginManager(pluginsDir, hostVersion, wrapper -> new HostPluginContext(
                wrapper.getPluginId(), wrapper.getDescriptor().getVersion(), hostVersion,
                emitters.apply("plugin:" + wrapper.getPluginId())));
    }

    /**
     * Loads every plugin in the plugins folder, registers each one's event types and then starts it,
     * so a plugin can emit its own events from {@code start()}.
     */
    public void start() {
        try {
            manager.loadPlugins();
        } catch (RuntimeException e) {
            // PF4J resolves all plugins together: a dependency problem in one fails the whole resolve step.
            resolveFailure = Reasons.describe(e);
            log.error("Plugins could not be resolved: {}", resolveFailure);
        }
        for (PluginWrapper plugin : manager.getResolvedPlugins()) {
            if (!plugin.getPluginState().isDisabled() && registerContributions(plugin)) {
                startOne(plugin);
            }
        }
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (plugin.getPluginState() != PluginState.STARTED) {
                PluginReport report = report(plugin);
                log.warn("Plugin '{}' is {}: {}", report.id(), report.state(), report.reason());
            }
        }
    }

    private void startOne(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        if (manager.startPlugin(id) == PluginState.STARTED) {
            log.info("Plugin '{}' {} started with {} event type(s)", id, plugin.getDescriptor().getVersion(),
                    registry.keysOf(id).size());
        } else {
            registry.unregisterAll(id);
        }
    }

    /** @return every plugin, and every jar that could not be loaded, by id */
    public List<PluginReport> reports() {
        List<PluginReport> reports = new ArrayList<>();
        for (PluginWrapper plugin : manager.getPlugins()) {
            reports.add(report(plugin));
        }
        for (PlugboardPluginManager.LoadFailure failure : manager.loadFailures()) {
            reports.add(new PluginReport(failure.path().getFileName().toString(), "", "", "", "",
                    failure.path().getFileName().toString(), "failed",
                    "cannot be loaded: " + Reasons.loadFailure(failure.path(), failure.error()), List.of(), List.of()));
        }
        reports.sort(Comparator.comparing(PluginReport::id));
        return reports;
    }

    /** @return a problem that concerns all plugins at once (e.g. a dependency cycle), if any */
    public String resolveFailure() {
        return resolveFailure;
    }

    /** Stops and unloads every plugin, releasing their class loaders and jar files. */
    @Override
    public void close() {
        // Stop first (a plugin may still emit its own events from stop()), newest first, one by one:
        // PF4J 3.15's stopPlugins() changes the list it walks and gives up half-way.
        List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
        Collections.reverse(started);
        for (PluginWrapper plugin : started) {
            try {
                manager.stopPlugin(plugin.getPluginId());
            } catch (RuntimeException e) {
                log.warn("Plugin '{}' did not stop cleanly: {}", plugin.getPluginId(), Reasons.describe(e));
            }
        }
        for (PluginWrapper plugin : manager.getPlugins()) {
            registry.unregisterAll(plugin.getPluginId());
        }
        manager.unloadPlugins();
    }

    /** @return false if the plugin's providers failed, in which case it is marked failed and not started */
    private boolean registerContributions(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        List<RegisteredOrRefused> outcomes = new ArrayList<>();
        try {
            for (EventTypeProvider provider : providers(plugin)) {
                List<EventType> types = provider.eventTypes();
                for (EventType eventType : types == null ? List.<EventType>of() : types) {
                    outcomes.add(compile(eventType, id));
                }
            }
        } catch (RuntimeException | LinkageError e) {
            String reason = "an event type provider failed: " + Reasons.describe(e);
            log.error("Plugin '{}' failed and was not started: {}", id, reason, e);
            failures.put(id, reason);
            return false;
        }
        List<String> refused = new ArrayList<>();
        for (RegisteredOrRefused outcome : outcomes) {
            if (outcome.problem() != null) {
                refused.add(outcome.problem());
                continue;
            }
            try {
                registry.register(outcome.type());
            } catch (InvalidEventTypeException e) {
                refused.add(e.getMessage());
            }
        }
        refused.forEach(problem -> log.warn("Plugin '{}': {}", id, problem));
        warnings.put(id, List.copyOf(refused));
        return true;
    }

    /**
     * The plugin's event type providers, read from its extension index. PF4J hands out extensions only
     * of started plugins; the host needs them just before the start, so it instantiates them itself.
     */
    private List<EventTypeProvider> providers(PluginWrapper plugin) {
        List<EventTypeProvider> providers = new ArrayList<>();
        ClassLoader loader = plugin.getPluginClassLoader();
        for (String className : manager.getExtensionClassNames(plugin.getPluginId())) {
            Class<?> type;
            try {
                type = loader.loadClass(className);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("extension " + className + " is listed but not in the jar", e);
            }
            if (EventTypeProvider.class.isAssignableFrom(type)) {
                providers.add((EventTypeProvider) manager.getExtensionFactory().create(type));
            }
        }
        return providers;
    }

    private RegisteredOrRefused compile(EventType eventType, String pluginId) {
        try {
            return new RegisteredOrRefused(compiler.compile(eventType, pluginId), null);
        } catch (InvalidEventTypeException e) {
            return new RegisteredOrRefused(null, "event type " + e.getMessage() + " (refused)");
        }
    }

    private record RegisteredOrRefused(RegisteredEventType type, String problem) {}

    private PluginReport report(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        var descriptor = plugin.getDescriptor();
        String state = failures.containsKey(id) ? "failed" : plugin.getPluginState().toString().toLowerCase();
        List<String> types = registry.keysOf(id);
        return new PluginReport(id, descriptor.getVersion(), nullToEmpty(descriptor.getProvider()),
                nullToEmpty(descriptor.getPluginDescription()), nullToEmpty(descriptor.getRequires()),
                plugin.getPluginPath().getFileName().toString(), state, reason(plugin),
                types, warnings.getOrDefault(id, List.of()));
    }

    private String reason(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        if (failures.containsKey(id)) {
            return failures.get(id);
        }
        String refusal = manager.refusal(id);
        if (refusal != null) {
            return refusal;
        }
        return switch (plugin.getPluginState()) {
            case STARTED -> null;
            case FAILED -> plugin.getFailedException() == null
                    ? "failed to start" : "failed to start: " + Reasons.describe(plugin.getFailedException());
            case DISABLED -> "disabled";
            default -> resolveFailure != null ? resolveFailure : "not started";
        };
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
