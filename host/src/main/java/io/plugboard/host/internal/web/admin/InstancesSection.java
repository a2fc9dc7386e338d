package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.instances.InstanceInfo;
import io.plugboard.host.internal.instances.Instances;
import io.plugboard.host.internal.instances.VersionSkew;
import java.util.List;
import java.util.Map;

/**
 * The "Instances" part of {@code /admin/plugins}: every host instance on this database with the
 * plugin versions it runs, and a warning where live instances disagree (a jar missing or different
 * in one instance's plugins folder).
 */
final class InstancesSection {

    private final Instances instances;

    InstancesSection(Instances instances) {
        this.instances = instances;
    }

    /** @return the template fields {@code instances}, {@code instanceSkew} and {@code thisInstance} */
    Map<String, Object> model() {
        List<InstanceInfo> all = instances.list();
        List<Map<String, Object>> rows = all.stream().map(i -> Map.<String, Object>of(
                "id", i.id(), "startedAt", i.startedAt(), "lastSeen", i.lastSeen(),
                "live", i.live(), "queueLagMs", i.queueLagMs(),
                "plugins", i.plugins().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList())).toList();
        return Map.of("instances", rows, "instanceSkew", VersionSkew.of(all), "thisInstance", instances.id());
    }
}
