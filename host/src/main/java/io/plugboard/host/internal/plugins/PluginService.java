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

    /** Loads and starts every plugin in the plugins folder and registers their event types. */
    public void start() {
        try {
            manager.loadPlugins();
        } catch (RuntimeException e) {
            // PF4J resolves all plugins together: a dependency problem in one fails the whole resolve step.
            resolveFailure = Reasons.describe(e);
            log.error("Plugins could not be resolved: {}", resolveFailure);
        }
        manager.startPlugins();
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (plugin.getPluginState() == PluginState.STARTED) {
                registerContributions(plugin);
            } else {
                logNotRunning(plugin);
            }
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
                    "cannot be loaded: " + Reasons.describe(failure.error()), List.of(), List.of()));
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
        for (PluginWrapper plugin : manager.getPlugins()) {
            registry.unregisterAll(plugin.getPluginId());
        }
        manager.stopPlugins();
        manager.unloadPlugins();
    }

    private void registerContributions(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        List<RegisteredOrRefused> outcomes = new ArrayList<>();
        try {
            for (Class<? extends EventTypeProvider> type : manager.getExtensionClasses(EventTypeProvider.class, id)) {
                EventTypeProvider provider = manager.getExtensionFactory().create(type);
                List<EventType> types = provider.eventTypes();
                for (EventType eventType : types == null ? List.<EventType>of() : types) {
                    outcomes.add(compile(eventType, id));
                }
            }
        } catch (RuntimeException | LinkageError e) {
            fail(plugin, "an event type provider failed: " + Reasons.describe(e), e);
            return;
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
        log.info("Plugin '{}' {} started with {} event type(s)", id, plugin.getDescriptor().getVersion(),
                outcomes.size() - refused.size());
    }

    private RegisteredOrRefused compile(EventType eventType, String pluginId) {
        try {
            return new RegisteredOrRefused(compiler.compile(eventType, pluginId), null);
        } catch (InvalidEventTypeException e) {
            return new RegisteredOrRefused(null, "event type " + e.getMessage() + " (refused)");
        }
    }

    private record RegisteredOrRefused(RegisteredEventType type, String problem) {}

    private void fail(PluginWrapper plugin, String reason, Throwable error) {
        String id = plugin.getPluginId();
        log.error("Plugin '{}' failed and was stopped: {}", id, reason, error);
        failures.put(id, reason);
        registry.unregisterAll(id);
        try {
            manager.stopPlugin(id);
        } catch (RuntimeException e) {
            log.warn("Plugin '{}' could not be stopped cleanly: {}", id, Reasons.describe(e));
        }
    }

    private void logNotRunning(PluginWrapper plugin) {
        PluginReport report = report(plugin);
        log.warn("Plugin '{}' is {}: {}", report.id(), report.state(), report.reason());
    }

    private PluginReport report(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        var descriptor = plugin.getDescriptor();
        String state = failures.containsKey(id) ? "failed" : plugin.getPluginState().toString().toLowerCase();
        List<String> types = registry.all().stream().filter(t -> t.pluginId().equals(id))
                .map(t -> t.key()).toList();
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
