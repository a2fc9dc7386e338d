package io.plugboard.host.internal.plugins;

import java.util.function.Function;
import org.pf4j.PluginDependency;
import org.pf4j.PluginDescriptor;
import org.pf4j.VersionManager;

/**
 * Whether a plugin can start here: its {@code Plugin-Requires} against the host's version, and each
 * of its {@code Plugin-Dependencies} (optional ones end in {@code ?}) against the installed plugins.
 * Answers with what is unmet, in words an admin can act on, or null.
 */
final class Compatibility {

    private final String hostVersion;
    private final VersionManager versions;

    Compatibility(String hostVersion, VersionManager versions) {
        this.hostVersion = hostVersion;
        this.versions = versions;
    }

    /** @return why the host version does not satisfy the plugin, or null */
    String requiresProblem(PluginDescriptor descriptor) {
        return requiresProblem(descriptor.getRequires());
    }

    /** @param requires a {@code Plugin-Requires} range, or null @return why this host does not satisfy it, or null */
    String requiresProblem(String requires) {
        if (requires == null || requires.isBlank() || requires.strip().equals("*")) {
            return null;
        }
        try {
            return versions.checkVersionConstraint(hostVersion, requires) ? null
                    : "requires Plugboard " + requires + ", but this host is " + hostVersion;
        } catch (RuntimeException e) {
            return "Plugin-Requires '" + requires + "' is not a version range such as >=0.1.0";
        }
    }

    /**
     * @param installed the installed plugin with the given id, or null
     * @return the first unmet dependency, or null; an optional dependency is unmet only when it is
     *     installed in a version outside the range asked for
     */
    String dependencyProblem(PluginDescriptor descriptor, Function<String, InstalledPlugin> installed) {
        for (PluginDependency dependency : descriptor.getDependencies()) {
            String problem = problem(dependency, installed.apply(dependency.getPluginId()));
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private String problem(PluginDependency dependency, InstalledPlugin target) {
        String id = dependency.getPluginId();
        String range = dependency.getPluginVersionSupport();
        boolean anyVersion = range == null || range.isBlank() || range.strip().equals("*");
        if (target == null) {
            return dependency.isOptional() ? null
                    : "needs plugin '" + id + "'" + (anyVersion ? "" : " " + range) + ", which is not installed";
        }
        if (!anyVersion && !inRange(target.version(), range)) {
            return "needs plugin '" + id + "' " + range + ", but version " + target.version() + " is installed";
        }
        if (target.status() != PluginStatus.ACTIVE && !dependency.isOptional()) {
            return "needs plugin '" + id + "', which is " + target.status().label()
                    + (target.status() == PluginStatus.INACTIVE ? "; activate it first" : "");
        }
        return null;
    }

    private boolean inRange(String version, String range) {
        try {
            return versions.checkVersionConstraint(version, range);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
