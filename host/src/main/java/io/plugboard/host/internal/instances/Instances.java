package io.plugboard.host.internal.instances;

import io.plugboard.host.internal.common.PeriodicWorker;
import io.plugboard.host.internal.common.Workers;
import io.plugboard.host.internal.plugins.PluginReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's row in {@code instances}, kept alive by a heartbeat that also records which plugin
 * versions it runs and how far behind its share of the queue is; and the list of all instances for
 * the API and the admin. An instance not seen for a day is forgotten. An id whose heartbeat stopped
 * less than three beats ago (a crashed run restarting at once under a supervisor) is taken over once
 * that much time has passed without a beat; an id that still beats is refused.
 */
public final class Instances implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Instances.class);
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final Jdbi jdbi;
    private final String id;
    private final String hostVersion;
    private final Duration heartbeat;
    private final Clock clock;
    private final Instant startedAt;
    private final PeriodicWorker beat;
    private volatile Supplier<List<PluginReport>> plugins = List::of;
    private volatile boolean started;
    private Map<String, String> recordedPlugins;

    /**
     * Registers the instance.
     *
     * @param heartbeat how often it reports; it counts as gone after three missed beats
     * @throws IllegalStateException if a live instance already uses this id
     */
    public Instances(Jdbi jdbi, String id, String hostVersion, Duration heartbeat, Clock clock, Workers workers) {
        this.beat = workers.periodic("heartbeat", "plugboard-heartbeat");
        this.jdbi = jdbi;
        this.id = id;
        this.hostVersion = hostVersion;
        this.heartbeat = heartbeat;
        this.clock = clock;
        this.startedAt = clock.instant();
        register();
    }

    public String id() {
        return id;
    }

    private void register() {
        Long quiet = lastSeen();
        if (quiet != null && isLive(quiet)) {
            quiet = awaitNoBeatSince(quiet);
        }
        long now = startedAt.toEpochMilli();
        Long expected = quiet;
        jdbi.useTransaction(h -> {
            h.createQuery("SELECT last_seen_at FROM instances WHERE id = :id").bind("id", id).mapTo(Long.class)
                    .findOne()
                    .filter(seen -> !seen.equals(expected) && isLive(seen))
                    .ifPresent(seen -> {
                        throw inUse(seen);
                    });
            h.createUpdate("DELETE FROM instances WHERE id = :id").bind("id", id).execute();
            h.createUpdate("INSERT INTO instances (id, started_at, last_seen_at, host_version) "
                            + "VALUES (:id, :now, :now, :version)")
                    .bind("id", id).bind("now", now).bind("version", hostVersion).execute();
        });
        log.info("Instance id {}", id);
    }

    private Long lastSeen() {
        return jdbi.withHandle(h -> h.createQuery("SELECT last_seen_at FROM instances WHERE id = :id").bind("id", id)
                .mapTo(Long.class).findOne().orElse(null));
    }

    private boolean isLive(long seen) {
        return clock.millis() - seen < liveWindow().toMillis();
    }

    /**
     * Waits until the id's last beat is older than the live window, as a crashed run's is soon; a beat
     * meanwhile means the id's owner runs, and it is refused.
     *
     * @return the last beat waited out
     */
    private long awaitNoBeatSince(long seen) {
        log.warn("The instance id '{}' beat {} ms ago: waiting until {} have passed without a beat (an earlier "
                + "run that stopped without closing) before taking it over", id, clock.millis() - seen, liveWindow());
        while (isLive(seen)) {
            long left = seen + liveWindow().toMillis() - clock.millis();
            try {
                Thread.sleep(Math.max(1, Math.min(left, heartbeat.toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the instance id '" + id + "'", e);
            }
            Long now = lastSeen();
            if (now == null) {
                break;
            }
            if (now != seen) {
                throw inUse(now);
            }
        }
        log.info("Taking over the instance id '{}': no heartbeat for {}", id, liveWindow());
        return seen;
    }

    private IllegalStateException inUse(long seen) {
        return new IllegalStateException("the instance id '" + id + "' is in use by a running instance (seen "
                + (clock.millis() - seen) / 1000 + " s ago); give each instance its own id");
    }

    /** Starts the heartbeat; {@code plugins} tells which plugins run now. */
    public void start(Supplier<List<PluginReport>> plugins) {
        this.plugins = plugins;
        started = true;
        beat.runNow(this::beat);
        beat.start(heartbeat, heartbeat, this::beat);
    }

    /**
     * What runs here changed (a plugin started or stopped, as the plugin list now says): the Plugins
     * page of every instance should see it now, not at the next beat.
     */
    public void pluginsChanged() {
        if (started) {
            beat.runSoon(this::beat);
        }
    }

    private synchronized void beat() {
        long now = clock.millis();
        Long oldestClaimed = jdbi.withHandle(h -> h.createQuery("SELECT MIN(next_attempt_at) FROM deliveries "
                        + "WHERE lease_owner = :id AND status = 'pending' AND next_attempt_at <= :now")
                .bind("id", id).bind("now", now).mapTo(Long.class).one());
        long lag = oldestClaimed == null ? 0 : Math.max(0, now - oldestClaimed);
        Map<String, String> running = running();
        jdbi.useTransaction(h -> {
            int rows = h.createUpdate("UPDATE instances SET last_seen_at = :now, queue_lag_ms = :lag WHERE id = :id")
                    .bind("now", now).bind("lag", lag).bind("id", id).execute();
            if (rows == 0) {
                // Forgotten by another instance after a long pause: come back.
                h.createUpdate("INSERT INTO instances (id, started_at, last_seen_at, host_version, queue_lag_ms) "
                                + "VALUES (:id, :started, :now, :version, :lag)")
                        .bind("id", id).bind("started", startedAt.toEpochMilli()).bind("now", now)
                        .bind("version", hostVersion).bind("lag", lag).execute();
                recordedPlugins = null;
            }
            if (!running.equals(recordedPlugins)) {
                h.createUpdate("DELETE FROM instance_plugins WHERE instance_id = :id").bind("id", id).execute();
                var insert = h.prepareBatch("INSERT INTO instance_plugins (instance_id, plugin_id, version, state) "
                        + "VALUES (:id, :plugin, :version, 'started')");
                running.forEach((plugin, version) -> insert.bind("id", id).bind("plugin", plugin)
                        .bind("version", version).add());
                if (!running.isEmpty()) {
                    insert.execute();
                }
            }
            h.createUpdate("DELETE FROM instances WHERE last_seen_at < :before")
                    .bind("before", now - FORGET_AFTER.toMillis()).execute();
        });
        recordedPlugins = running;
    }

    private Map<String, String> running() {
        Map<String, String> running = new TreeMap<>();
        for (PluginReport p : plugins.get()) {
            if ("active".equals(p.state())) {
                running.put(p.id(), p.version());
            }
        }
        return running;
    }

    /** @return every instance seen within the last day, this one first, then by start time */
    public List<InstanceInfo> list() {
        long now = clock.millis();
        Map<String, Map<String, String>> pluginsOf = new HashMap<>();
        List<InstanceInfo> all = new ArrayList<>();
        jdbi.useHandle(h -> {
            h.createQuery("SELECT instance_id, plugin_id, version FROM instance_plugins ORDER BY plugin_id")
                    .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                    .forEach(r -> pluginsOf.computeIfAbsent(r.get(0), k -> new TreeMap<>()).put(r.get(1), r.get(2)));
            h.createQuery("SELECT id, started_at, last_seen_at, host_version, queue_lag_ms FROM instances "
                            + "ORDER BY started_at, id")
                    .map((rs, ctx) -> new InstanceInfo(rs.getString("id"), Instant.ofEpochMilli(rs.getLong("started_at")),
                            Instant.ofEpochMilli(rs.getLong("last_seen_at")), rs.getString("host_version"),
                            pluginsOf.getOrDefault(rs.getString("id"), Map.of()), rs.getLong("queue_lag_ms"),
                            now - rs.getLong("last_seen_at") < liveWindow().toMillis()))
                    .forEach(all::add);
        });
        all.sort((a, b) -> Boolean.compare(!a.id().equals(id), !b.id().equals(id)));
        return all;
    }

    /** @return how long the oldest due pending delivery, whoever holds it, has been waiting */
    public long queueLagMs() {
        long now = clock.millis();
        Long oldest = jdbi.withHandle(h -> h.createQuery("SELECT MIN(next_attempt_at) FROM deliveries "
                        + "WHERE status = 'pending' AND next_attempt_at <= :now")
                .bind("now", now).mapTo(Long.class).one());
        return oldest == null ? 0 : Math.max(0, now - oldest);
    }

    private Duration liveWindow() {
        return heartbeat.multipliedBy(3);
    }

    /** Stops the heartbeat and removes this instance's row (a clean stop; a crash leaves it to expire). */
    @Override
    public void close() {
        beat.close();
        try {
            jdbi.useTransaction(h -> h.createUpdate("DELETE FROM instances WHERE id = :id").bind("id", id).execute());
        } catch (RuntimeException e) {
            log.warn("Could not remove this instance's row: {}", e.toString());
        }
    }
}
