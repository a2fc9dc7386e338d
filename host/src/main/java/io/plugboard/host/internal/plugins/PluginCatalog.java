package io.plugboard.host.internal.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The plugins the host knows, by id, and the files in the plugins folder that are not plugins. */
final class PluginCatalog {

    /** A file in the plugins folder that could not be installed, and why. */
    record BrokenJar(Path file, Fingerprint fingerprint, String reason) {}

    private final Map<String, InstalledPlugin> byId = new TreeMap<>();
    private final Map<Path, BrokenJar> broken = new TreeMap<>();

    InstalledPlugin find(String id) {
        return id == null ? null : byId.get(id);
    }

    InstalledPlugin bySource(Path file) {
        return byId.values().stream().filter(p -> p.source().equals(file)).findFirst().orElse(null);
    }

    List<InstalledPlugin> all() {
        return List.copyOf(byId.values());
    }

    void add(InstalledPlugin plugin) {
        byId.put(plugin.id(), plugin);
    }

    void remove(InstalledPlugin plugin) {
        byId.remove(plugin.id());
    }

    /** @return the active plugins that need the given one (directly), in id order */
    List<InstalledPlugin> activeDependents(String id) {
        List<InstalledPlugin> dependents = new ArrayList<>();
        for (InstalledPlugin p : byId.values()) {
            if (p.status() == PluginStatus.ACTIVE && p.dependsOn(id)) {
                dependents.add(p);
            }
        }
        return dependents;
    }

    void broken(BrokenJar jar) {
        broken.put(jar.file(), jar);
    }

    BrokenJar brokenAt(Path file) {
        return broken.get(file);
    }

    void forgetBroken(Path file) {
        broken.remove(file);
    }

    List<BrokenJar> broken() {
        return List.copyOf(broken.values());
    }
}
