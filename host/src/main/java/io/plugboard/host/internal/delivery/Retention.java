package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.common.CountPeriod;
import io.plugboard.host.internal.common.PeriodicWorker;
import io.plugboard.host.internal.common.Workers;
import io.plugboard.host.internal.events.IdempotencyKeys;
import io.plugboard.host.internal.instances.JobLeases;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges history older than the retention age in the background, in bounded batches so that no
 * transaction holds the database for long: finished deliveries (their attempts go with them), then
 * events that no delivery needs any more, then the dashboard's per-minute and per-hour counts of that age; and idempotency keys past their 24-hour window (a key stops
 * matching when its window ends, whether or not its row is gone yet). With several instances on one
 * database, the instance that takes the job's lease for the hour runs it; the others skip that round.
 */
final class Retention implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final int BATCH = 1000;
    /** Rounds are hourly on each instance; the lease makes them at most one per 50 minutes cluster-wide. */
    private static final Duration ROUND = Duration.ofMinutes(50);

    private final Jdbi jdbi;
    private final Duration age;
    private final Clock clock;
    private final JobLeases jobs;
    private final PeriodicWorker worker;

    Retention(Jdbi jdbi, Duration age, Clock clock, JobLeases jobs, Workers workers) {
        this.jdbi = jdbi;
        this.worker = workers.periodic("retention", "plugboard-retention");
        this.jobs = jobs;
        this.age = age;
        this.clock = clock;
    }

    void start() {
        worker.start(Duration.ofMinutes(1), Duration.ofHours(1), this::purgeRound);
    }

    /** @return rows removed: history, then keys */
    int purge() {
        return purgeHistory() + purgeKeys();
    }

    private int purgeHistory() {
        long cutoff = clock.instant().minus(age).toEpochMilli();
        int removed = 0;
        List<Map.Entry<String, Integer>> own = jdbi.withHandle(h -> h.createQuery("SELECT id, retention_days "
                        + "FROM applications WHERE retention_days IS NOT NULL ORDER BY id")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2))).list());
        if (own.isEmpty()) {
            removed += repeat("DELETE FROM deliveries WHERE id IN (SELECT id FROM deliveries WHERE created_at < :cutoff "
                    + "AND status <> 'pending' LIMIT " + BATCH + ")", cutoff);
        } else {
            // The host's retention for the applications without their own, then each one's own.
            removed += repeat("DELETE FROM deliveries WHERE id IN (SELECT id FROM deliveries WHERE created_at < :cutoff "
                    + "AND status <> 'pending' AND webhook_id NOT IN (SELECT w.id FROM webhooks w JOIN applications a "
                    + "ON a.id = w.app_id WHERE a.retention_days IS NOT NULL) LIMIT " + BATCH + ")", cutoff);
            for (Map.Entry<String, Integer> app : own) {
                long itsCutoff = clock.instant().minus(Duration.ofDays(app.getValue())).toEpochMilli();
                removed += repeat("DELETE FROM deliveries WHERE id IN (SELECT id FROM deliveries WHERE created_at < :cutoff "
                        + "AND status <> 'pending' AND webhook_id IN (SELECT id FROM webhooks WHERE app_id = :app) LIMIT "
                        + BATCH + ")", itsCutoff, app.getKey());
            }
        }
        // An event goes once no delivery refers to it and it is older than the host's retention, or than its own
        // application's when that is shorter.
        removed += repeat("DELETE FROM events WHERE id IN (SELECT e.id FROM events e WHERE e.created_at < :cutoff "
                + "AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id) LIMIT " + BATCH + ")", cutoff);
        for (Map.Entry<String, Integer> app : own) {
            long itsCutoff = clock.instant().minus(Duration.ofDays(app.getValue())).toEpochMilli();
            if (itsCutoff > cutoff) {
                removed += repeat("DELETE FROM events WHERE id IN (SELECT e.id FROM events e WHERE e.created_at < :cutoff "
                        + "AND e.app_id = :app AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id) "
                        + "LIMIT " + BATCH + ")", itsCutoff, app.getKey());
            }
        }
        // The dashboard's minutes and hours that ended before the cutoff: the history they sum up is gone too.
        for (CountPeriod period : CountPeriod.values()) {
            removed += purgeCounts(period, period.table("attempt"), "webhook_id", cutoff);
            removed += purgeCounts(period, period.table("event"), "event_type", cutoff);
        }
        return removed;
    }

    /** @param key the column that, with the period's, makes a row's key */
    private int purgeCounts(CountPeriod period, String table, String key, long cutoff) {
        String at = period.column();
        return repeat("DELETE FROM " + table + " WHERE (" + at + ", " + key + ") IN (SELECT " + at + ", " + key
                + " FROM " + table + " WHERE " + at + " < :cutoff LIMIT " + BATCH + ")", period.start(cutoff));
    }

    private int purgeKeys() {
        return repeat(IdempotencyKeys.purgeStatement(BATCH), IdempotencyKeys.cutoff(clock.instant()));
    }

    private int repeat(String sql, long cutoff) {
        return repeat(sql, cutoff, null);
    }

    /** @param app bound as {@code :app} when not null */
    private int repeat(String sql, long cutoff, String app) {
        int total = 0;
        int n;
        do {
            n = jdbi.inTransaction(h -> {
                var update = h.createUpdate(sql).bind("cutoff", cutoff);
                return (app == null ? update : update.bind("app", app)).execute();
            });
            total += n;
        } while (n == BATCH);
        return total;
    }

    private void purgeRound() {
        if (!jobs.tryTake("retention", ROUND)) {
            return;
        }
        int removed = purgeHistory();
        if (removed > 0) {
            log.info("Retention removed {} row(s) older than {}", removed, age);
        }
        int keys = purgeKeys();
        if (keys > 0) {
            log.info("Retention removed {} idempotency key(s) past their {}-hour window", keys,
                    IdempotencyKeys.WINDOW.toHours());
        }
    }

    @Override
    public void close() {
        worker.close();
    }
}
