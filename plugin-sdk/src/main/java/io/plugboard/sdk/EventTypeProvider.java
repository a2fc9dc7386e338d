package io.plugboard.sdk;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * The extension point through which a plugin contributes event types to the catalog.
 *
 * <p>Implement it in a public class with a public no-argument constructor and annotate that class
 * with {@code @org.pf4j.Extension}; PF4J's annotation processor lists it in the plugin jar's extension
 * index at compile time. A plugin may have several providers, and a provider may return many types.
 * The host calls {@link #eventTypes()} once, just before the plugin's {@code start()}, so the plugin's
 * own types are registered by the time it runs and may emit them.
 */
public interface EventTypeProvider extends ExtensionPoint {

    /** @return the event types this plugin contributes; keys must be unique across all plugins */
    List<EventType> eventTypes();
}
