package io.plugboard.verifier;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.pf4j.ExtensionPoint;
import org.pf4j.Plugin;

/**
 * A plugin that contributes nothing (no main class, and no listed extension that is an event type
 * provider, receiver, destination or payload format) starts but does nothing: most often its class was
 * not annotated {@code @Extension}, or the jar lacks the extension index. A warning, not an error.
 */
final class ContributionCheck implements Check {

    /** Also the host's start-time warning for a plugin whose providers declared nothing (one text, shown once). */
    static final String CONTRIBUTES_NOTHING = "contributes nothing: no event types, receivers, destinations, payload "
            + "formats or main class were found; is the class annotated @Extension and the extension index "
            + "(META-INF/extensions.idx) in the jar?";

    @Override
    public void check(PluginFiles plugin, Findings findings) {
        String mainClass = plugin.descriptor("Plugin-Class");
        if (mainClass != null && !Plugin.class.getName().equals(mainClass)) {
            return;
        }
        Map<String, ClassHeader> headers = ClassHeader.of(plugin);
        for (String className : ExtensionNames.of(plugin)) {
            if (contributes(className.replace('.', '/'), headers)) {
                return;
            }
        }
        findings.warning("contributes-nothing", CONTRIBUTES_NOTHING);
    }

    /**
     * @return true if the class is an SDK extension point, or may be one: a supertype outside the plugin and
     *     the SDK (another plugin's extension point, for a plugin with dependencies) counts
     */
    private static boolean contributes(String className, Map<String, ClassHeader> headers) {
        if (!headers.containsKey(className)) {
            return false; // not in the plugin: the extension index check reports it
        }
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.add(className);
        while (!todo.isEmpty()) {
            String type = todo.poll();
            if (type == null || !seen.add(type) || type.equals("java/lang/Object")) {
                continue;
            }
            ClassHeader header = headers.get(type);
            if (header == null) {
                if (outsideType(type)) {
                    return true;
                }
                continue;
            }
            todo.add(header.superName());
            todo.addAll(header.interfaces());
        }
        return false;
    }

    /** A supertype from outside the plugin: an SDK extension point, or unknown here (may be another plugin's). */
    private static boolean outsideType(String internalName) {
        String name = internalName.replace('/', '.');
        if (!name.startsWith("io.plugboard.sdk.")) {
            return !name.startsWith("java.") && !name.startsWith("javax.") && !name.startsWith("org.pf4j.")
                    && !name.startsWith("org.slf4j.");
        }
        try {
            Class<?> type = Class.forName(name, false, ContributionCheck.class.getClassLoader());
            return ExtensionPoint.class.isAssignableFrom(type);
        } catch (ClassNotFoundException | LinkageError e) {
            return false; // not in this SDK: the reference check reports it
        }
    }
}
