package io.plugboard.host.internal.plugins;

import io.plugboard.host.internal.events.EventTypeCompiler;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.InvalidEventTypeException;
import io.plugboard.host.internal.events.RegisteredEventType;
import io.plugboard.sdk.EventType;
import io.plugboard.sdk.EventTypeProvider;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;

/**
 * Registers a plugin's event types just before it starts, so it can emit them from {@code start()}.
 * A type that does not compile (sample against schema) or whose key is taken is refused with a
 * warning. The providers are the plugin's code, run by the caller within the start's time limit; one
 * that throws or hangs fails the plugin.
 */
final class EventTypeContributions {

    private final PluginManager manager;
    private final EventTypeRegistry registry;
    private final EventTypeCompiler compiler;

    EventTypeContributions(PluginManager manager, EventTypeRegistry registry, EventTypeCompiler compiler) {
        this.manager = manager;
        this.registry = registry;
        this.compiler = compiler;
    }

    /**
     * Runs the plugin's providers (its own code: the caller bounds how long it may take).
     *
     * @return the event types they declare
     */
    List<EventType> declared(PluginWrapper plugin) {
        List<EventType> declared = new ArrayList<>();
        for (EventTypeProvider provider : providers(plugin)) {
            List<EventType> types = provider.eventTypes();
            declared.addAll(types == null ? List.of() : types);
        }
        return declared;
    }

    /**
     * Compiles and registers what the plugin's providers declared.
     *
     * @return the refused types, as warnings
     */
    List<String> register(String pluginId, List<EventType> declared) {
        List<String> refused = new ArrayList<>();
        for (EventType eventType : declared) {
            Compiled outcome = compile(eventType, pluginId);
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
        return refused;
    }

    void unregister(String pluginId) {
        registry.unregisterAll(pluginId);
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

    private Compiled compile(EventType eventType, String pluginId) {
        try {
            return new Compiled(compiler.compile(eventType, pluginId), null);
        } catch (InvalidEventTypeException e) {
            return new Compiled(null, "event type " + e.getMessage() + " (refused)");
        }
    }

    /** A compiled type, or why it was refused. */
    private record Compiled(RegisteredEventType type, String problem) {}
}
