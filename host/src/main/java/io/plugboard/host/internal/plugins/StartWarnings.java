package io.plugboard.host.internal.plugins;

import io.plugboard.sdk.EventType;
import io.plugboard.sdk.EventTypeProvider;
import io.plugboard.verifier.PluginVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pf4j.Plugin;
import org.pf4j.PluginWrapper;

/**
 * The warnings a plugin's report carries from its start: each refused event type, and two signs that
 * the plugin, though it starts, does nothing — it contributes nothing at all (most often a class not
 * annotated {@code @Extension}, or a jar built without the extension index), or every event type it
 * declared was refused. Worked out once, just before the plugin's main class starts.
 */
final class StartWarnings {

    /** The verifier's text for the same finding, so a plugin that shows it from both is listed once. */
    static final String CONTRIBUTES_NOTHING = PluginVerifier.contributesNothingWarning();

    private StartWarnings() {}

    /**
     * @param extensions the class names the plugin's extension index lists
     * @param declared what its event type providers declared
     * @param refused why each refused type was refused, one sentence each
     * @return the warnings, the most serious first
     */
    static List<String> of(PluginWrapper plugin, Set<String> extensions, List<EventType> declared, List<String> refused) {
        List<String> warnings = new ArrayList<>();
        if (declared.isEmpty() && !hasMainClass(plugin) && onlyProviders(plugin, extensions)) {
            warnings.add(CONTRIBUTES_NOTHING);
        } else if (!declared.isEmpty() && refused.size() == declared.size()) {
            warnings.add("none of its event types was registered: every one it declared ("
                    + String.join(", ", declared.stream().map(EventType::key).toList())
                    + ") was refused, for the reasons below; it cannot emit any of them until they are fixed");
        }
        warnings.addAll(refused);
        return warnings;
    }

    /** A {@code Plugin-Class} of its own; without one PF4J's descriptor names PF4J's empty {@link Plugin}. */
    private static boolean hasMainClass(PluginWrapper plugin) {
        String className = plugin.getDescriptor().getPluginClass();
        return className != null && !className.isBlank() && !Plugin.class.getName().equals(className);
    }

    /**
     * @return true if every extension is an event type provider (which declared nothing): none is a
     *     receiver or another contribution
     */
    private static boolean onlyProviders(PluginWrapper plugin, Set<String> extensions) {
        for (String className : extensions) {
            try {
                Class<?> type = Class.forName(className, false, plugin.getPluginClassLoader());
                if (!EventTypeProvider.class.isAssignableFrom(type)) {
                    return false;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                return false; // listed but unusable: whoever reads it reports that; this is not "nothing"
            }
        }
        return true;
    }
}
