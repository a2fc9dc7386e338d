package io.plugboard.host.internal.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The plugins the host knows, by id, and the development directories that could not be loaded. */
final class PluginCatalog {

    private final Map<String, InstalledPlugin> byId = new TreeMap<>();
    private final List<JarRow> brokenDevelopment = new ArrayList<>();

    InstalledPlugin find(String id) {
        return id == null ? null : byId.get(id);
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

    void brokenDevelopment(Path dir, String problem) {
        brokenDevelopment.add(JarRow.broken(dir, problem));
    }

    void forgetBrokenDevelopment(Path dir) {
        brokenDevelopment.removeIf(row -> row.file().equals(dir));
    }

    List<JarRow> brokenDevelopment() {
        return List.copyOf(brokenDevelopment);
    }
}
