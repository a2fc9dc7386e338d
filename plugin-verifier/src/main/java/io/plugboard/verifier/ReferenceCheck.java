package io.plugboard.verifier;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A plugin may use the JDK, the SDK ({@code io.plugboard.sdk}), PF4J, SLF4J and its own classes
 * (libraries bundled into the jar, best relocated): anything else is on the host's class path by chance
 * or not at all, and fails with {@code NoClassDefFoundError} at the first use, or breaks with the next
 * host. A reference to the host itself is an error naming both classes. For a plugin with
 * {@code Plugin-Dependencies} an unknown class may come from a plugin it depends on, which the verifier
 * cannot see: a warning then.
 *
 * <p>The host's classes are looked for in every class of the plugin. Other classes are looked for in
 * the plugin's own code: the packages of its main class and extensions (every package when it has
 * neither). A bundled library elsewhere in the jar (relocated, say under {@code .shaded}) often refers to
 * optional dependencies of its own that it loads only when they are there (a Netty transport, a metrics
 * library): reporting those would refuse working plugins.
 */
final class ReferenceCheck implements Check {

    private final ClassLoader allowed = ReferenceCheck.class.getClassLoader();

    @Override
    public void check(PluginFiles plugin, Findings findings) {
        String dependencies = plugin.descriptor("Plugin-Dependencies");
        for (Map.Entry<String, String> reference : references(plugin).entrySet()) {
            String internalName = reference.getKey();
            String name = internalName.replace('/', '.');
            String from = reference.getValue().replace('/', '.');
            if (plugin.ownClass(internalName) || inJdk(internalName)) {
                continue;
            }
            if (name.startsWith("io.plugboard.host.")) {
                findings.error("host-reference", "class " + from + " refers to " + name + ", "
                        + (name.startsWith("io.plugboard.host.internal.")
                        ? "a class of the host's internals, which change without notice" : "a class of the host")
                        + "; a plugin may use only the SDK (io.plugboard.sdk)");
            } else if (sharedPackage(name)) {
                if (allowed.getResource(internalName + ".class") == null) {
                    findings.error("missing-sdk-class", "class " + from + " refers to " + name + ", which this SDK "
                            + "does not have; build against the SDK version the host runs");
                }
            } else if (dependencies != null) {
                findings.warning("unresolved-reference", "class " + from + " refers to " + name + ", which is not in "
                        + "the plugin, the JDK, the SDK, PF4J or SLF4J; it must come from a plugin it depends on ("
                        + dependencies + "), which the verifier cannot see");
            } else {
                findings.error("unresolved-reference", "class " + from + " refers to " + name + ", which is not in "
                        + "the plugin, the JDK, the SDK, PF4J or SLF4J; bundle the library into the jar (shaded "
                        + "and relocated) or remove the reference");
            }
        }
    }

    /** @return each class referred to → the first class of the plugin referring to it (host references from any) */
    private static Map<String, String> references(PluginFiles plugin) {
        Set<String> ownPackages = ownPackages(plugin);
        Map<String, String> references = new LinkedHashMap<>();
        References.of(plugin).forEach((from, used) -> {
            boolean own = ownPackages.isEmpty() || ownPackages.contains(packageOf(from));
            for (String to : used) {
                if (own || to.startsWith("io/plugboard/host/")) {
                    references.putIfAbsent(to, from);
                }
            }
        });
        return references;
    }

    /** @return the packages of the main class and of the listed and annotated extensions */
    private static Set<String> ownPackages(PluginFiles plugin) {
        Set<String> packages = new LinkedHashSet<>();
        String mainClass = plugin.descriptor("Plugin-Class");
        if (mainClass != null && plugin.ownClass(mainClass.replace('.', '/'))) {
            packages.add(packageOf(mainClass.replace('.', '/')));
        }
        ExtensionNames.of(plugin).forEach(name -> packages.add(packageOf(name.replace('.', '/'))));
        ClassHeader.of(plugin).values().stream().filter(ClassHeader::extension).forEach(h -> packages.add(packageOf(h.name())));
        return packages;
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    private static boolean sharedPackage(String name) {
        return name.startsWith("io.plugboard.sdk.") || name.startsWith("org.pf4j.") || name.startsWith("org.slf4j.");
    }

    private static boolean inJdk(String internalName) {
        return ClassLoader.getPlatformClassLoader().getResource(internalName + ".class") != null;
    }
}
