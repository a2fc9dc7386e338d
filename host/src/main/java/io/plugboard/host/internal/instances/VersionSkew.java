package io.plugboard.host.internal.instances;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Where live instances disagree on which version of a plugin they run (or whether they run it). */
public final class VersionSkew {

    private VersionSkew() {}

    /**
     * @return one line per plugin that not every live instance runs in the same version, e.g.
     *     {@code payments: 1.0.0 on web-1; 1.1.0 on web-2; not running on web-3}; empty when they agree
     */
    public static List<String> of(List<InstanceInfo> instances) {
        List<InstanceInfo> live = instances.stream().filter(InstanceInfo::live).toList();
        TreeSet<String> pluginIds = new TreeSet<>();
        live.forEach(i -> pluginIds.addAll(i.plugins().keySet()));
        List<String> lines = new ArrayList<>();
        for (String plugin : pluginIds) {
            Map<String, List<String>> byVersion = new TreeMap<>();
            for (InstanceInfo i : live) {
                String version = i.plugins().getOrDefault(plugin, "not running");
                byVersion.computeIfAbsent(version, k -> new ArrayList<>()).add(i.id());
            }
            if (byVersion.size() > 1) {
                List<String> parts = new ArrayList<>();
                byVersion.forEach((version, ids) -> parts.add(version + " on " + String.join(", ", ids)));
                lines.add(plugin + ": " + String.join("; ", parts));
            }
        }
        return lines;
    }
}
