package io.plugboard.verifier;

import java.util.Set;

/**
 * The extension index ({@code META-INF/extensions.idx}, written by PF4J's annotation processor) and the
 * {@code @Extension} classes agree: a class annotated but not listed is never seen by the host (the
 * jar was built without the processor), and a listed class that is not in the plugin cannot be created.
 */
final class ExtensionIndexCheck implements Check {

    private static final String BUILD_HINT = "build with PF4J's annotation processor (pf4j on the compiler's class "
            + "path, no <proc>none</proc>) so that it writes META-INF/extensions.idx";

    @Override
    public void check(PluginFiles plugin, Findings findings) {
        Set<String> listed = ExtensionNames.of(plugin);
        for (ClassHeader header : ClassHeader.of(plugin).values()) {
            if (header.extension() && !listed.contains(header.javaName())) {
                findings.error("extension-not-indexed", "class " + header.javaName() + " is annotated @Extension but "
                        + (plugin.has(PluginFiles.EXTENSION_INDEX) ? "is not in " : "the plugin has no ")
                        + PluginFiles.EXTENSION_INDEX + ", so the host never sees it; " + BUILD_HINT);
            }
        }
        for (String className : listed) {
            if (!plugin.ownClass(className.replace('.', '/'))) {
                findings.error("extension-missing", PluginFiles.EXTENSION_INDEX + " lists " + className
                        + ", which is not in the plugin; rebuild the jar (a stale index after a class was renamed "
                        + "or removed) or remove the line");
            }
        }
    }
}
