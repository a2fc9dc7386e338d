package io.plugboard.host.internal.plugins;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders plugins so each comes after the installed plugins it depends on, and names the plugins caught
 * in a dependency cycle (which cannot start).
 */
final class DependencyOrder {

    private final Map<String, InstalledPlugin> byId = new LinkedHashMap<>();
    private final List<InstalledPlugin> order = new ArrayList<>();
    private final Map<String, String> cycles = new LinkedHashMap<>();

    DependencyOrder(Collection<InstalledPlugin> plugins) {
        plugins.forEach(p -> byId.put(p.id(), p));
        Set<String> done = new HashSet<>();
        for (InstalledPlugin p : byId.values()) {
            visit(p, done, new ArrayList<>());
        }
    }

    /** @return every plugin, dependencies first */
    List<InstalledPlugin> order() {
        return List.copyOf(order);
    }

    /** @return the cycle the plugin is part of, described, or null */
    String cycle(String pluginId) {
        return cycles.get(pluginId);
    }

    private void visit(InstalledPlugin plugin, Set<String> done, List<String> path) {
        if (done.contains(plugin.id())) {
            return;
        }
        int at = path.indexOf(plugin.id());
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
            cycle.add(plugin.id());
            String text = "dependency cycle: " + String.join(" → ", cycle);
            cycle.forEach(id -> cycles.putIfAbsent(id, text));
            return;
        }
        path.add(plugin.id());
        for (var dependency : plugin.descriptor().getDependencies()) {
            InstalledPlugin target = byId.get(dependency.getPluginId());
            if (target != null) {
                visit(target, done, path);
            }
        }
        path.remove(path.size() - 1);
        if (done.add(plugin.id())) {
            order.add(plugin);
        }
    }
}
