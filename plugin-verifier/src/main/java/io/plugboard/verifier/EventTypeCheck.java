package io.plugboard.verifier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.sdk.EventType;
import io.plugboard.sdk.EventTypeProvider;
import io.plugboard.verifier.schema.EventTypeSchemas;
import io.plugboard.verifier.schema.InvalidSchemaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the plugin's event type providers (its own code, so only where the author runs it: the Maven goal
 * and the testkit, never the host, which checks the same at the plugin's start): every sample must
 * satisfy its schema, the schema its meta-schema, and no key may be declared twice in the plugin. The
 * providers are created in a class loader of their own over the jar, with the SDK as its parent.
 */
final class EventTypeCheck implements Check {

    private final EventTypeSchemas schemas = new EventTypeSchemas(
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS));

    @Override
    public void check(PluginFiles plugin, Findings findings) {
        boolean dependsOnPlugins = plugin.descriptor("Plugin-Dependencies") != null;
        try (URLClassLoader loader = new URLClassLoader("plugin-under-verification",
                new URL[] {plugin.path().toUri().toURL()}, new SdkOnlyClassLoader())) {
            Set<String> keys = new HashSet<>();
            for (String className : ExtensionNames.of(plugin)) {
                if (!plugin.ownClass(className.replace('.', '/'))) {
                    continue; // the extension index check reports it
                }
                try {
                    Class<?> type = Class.forName(className, false, loader);
                    if (EventTypeProvider.class.isAssignableFrom(type)) {
                        EventTypeProvider provider = (EventTypeProvider) type.getDeclaredConstructor().newInstance();
                        List<EventType> declared = provider.eventTypes();
                        check(className, declared == null ? List.of() : declared, keys, findings);
                    }
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    String problem = "the event type provider " + className + " cannot be run: " + e;
                    if (dependsOnPlugins && e instanceof LinkageError) {
                        findings.warning("provider-not-run", problem + " (it may need a plugin it depends on, "
                                + "which the verifier cannot load); its event types are checked when the host starts it");
                    } else {
                        findings.error("provider-failed", problem + "; it must have a public no-argument constructor "
                                + "and return its event types without failing");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + plugin.path() + " to run its event type providers", e);
        }
    }

    private void check(String provider, List<EventType> declared, Set<String> keys, Findings findings) {
        for (EventType type : declared) {
            if (!keys.add(type.key())) {
                findings.error("duplicate-event-type", "the event type '" + type.key() + "' is declared twice (again by "
                        + provider + "); each key once per plugin");
                continue;
            }
            try {
                schemas.check(type);
            } catch (InvalidSchemaException e) {
                findings.error("invalid-event-type", "event type " + e.getMessage());
            }
        }
    }
}
