package io.plugboard.verifier;

import java.util.regex.Pattern;
import org.pf4j.DefaultVersionManager;
import org.pf4j.Plugin;
import org.pf4j.VersionManager;

/**
 * The descriptor: {@code Plugin-Id} (a safe file and URL name), {@code Plugin-Version} (a version),
 * a {@code Plugin-Class} that is in the plugin, and {@code Plugin-Provider} and {@code Plugin-Description},
 * which the admin shows (warnings when missing).
 */
final class DescriptorCheck implements Check {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private final VersionManager versions = new DefaultVersionManager();

    @Override
    public void check(PluginFiles plugin, Findings findings) {
        String source = plugin.descriptorSource();
        String id = plugin.descriptor("Plugin-Id");
        if (id == null) {
            findings.error("descriptor-id", !plugin.directory() ? "the jar is not a plugin: its manifest has no Plugin-Id"
                    : source.equals("plugin.properties") ? "plugin.properties has no id: add plugin.id (and plugin.version)"
                    : "no plugin descriptor: add plugin.properties with plugin.id and plugin.version to src/main/resources");
        } else if (!ID.matcher(id).matches()) {
            findings.error("descriptor-id", "Plugin-Id '" + id + "' may contain only letters, digits, '.', '_' and '-' "
                    + "(at most 100, starting with a letter or digit)");
        }
        String version = plugin.descriptor("Plugin-Version");
        if (version == null) {
            findings.error("descriptor-version", "the plugin has no version: set Plugin-Version in " + source);
        } else if (!isVersion(version)) {
            findings.error("descriptor-version", "Plugin-Version '" + version + "' is not a version such as 1.2.0");
        }
        String mainClass = plugin.descriptor("Plugin-Class");
        if (mainClass != null && !Plugin.class.getName().equals(mainClass)
                && !plugin.ownClass(mainClass.replace('.', '/'))) {
            findings.error("descriptor-class", "Plugin-Class " + mainClass + " is not in the plugin; name a class of "
                    + "the jar that extends PlugboardPlugin, or remove the entry");
        }
        for (String wanted : new String[] {"Plugin-Provider", "Plugin-Description"}) {
            if (plugin.descriptor(wanted) == null) {
                findings.warning("descriptor-incomplete", "the descriptor has no " + wanted + ", which the plugins page "
                        + "shows; set it in " + source);
            }
        }
    }

    private boolean isVersion(String version) {
        try {
            versions.compareVersions(version, version);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
