package io.plugboard.host.internal.instances;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One host instance on the shared database, as of its last heartbeat.
 *
 * @param plugins plugin id → version, of the plugins it runs (started), sorted by id
 * @param queueLagMs how long the oldest due delivery it had claimed was waiting, at its last heartbeat
 * @param live whether its heartbeat is recent
 */
public record InstanceInfo(String id, Instant startedAt, Instant lastSeen, String hostVersion,
                           Map<String, String> plugins, long queueLagMs, boolean live) {

    public InstanceInfo {
        plugins = Collections.unmodifiableMap(new TreeMap<>(plugins));
    }
}
