package io.plugboard.host.internal.events;

import io.plugboard.host.internal.common.CountPeriod;
import io.plugboard.host.internal.common.PeriodicWorker;
import io.plugboard.host.internal.common.Workers;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Events emitted per minute and type, for the dashboard ({@code event_minutes}, and per hour in
 * {@code event_hours}). Counted in memory
 * after each emit and added to the table every few seconds by an upsert that adds (so several
 * instances add up), not in the emitting transaction: there, every emit of a busy type would wait on
 * the one row of its minute. The price: what a crash interrupts (at most {@link #FLUSH} of counts) is
 * not counted, and an event emitted in an application's transaction is counted before that commits.
 */
public final class EventMinutes implements AutoCloseable {

    static final Duration FLUSH = Duration.ofSeconds(5);

    /** @param minute the start of the row's period */
    private record Key(long minute, String type) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int byMinute = Long.compare(minute, o.minute);
            return byMinute != 0 ? byMinute : type.compareTo(o.type);
        }
    }

    private final Jdbi jdbi;
    private final Map<Key, Long> counts = new ConcurrentHashMap<>();
    private final PeriodicWorker worker;

    public EventMinutes(Jdbi jdbi, Workers workers) {
        this.jdbi = jdbi;
        this.worker = workers.periodic("event-counts", "plugboard-event-counts");
    }

    public void start() {
        worker.start(FLUSH, FLUSH, this::flush);
    }

    /** Counts one emitted event in the minute it was stored. */
    public void count(StoredEvent event) {
        long at = event.createdAt().toEpochMilli();
        // merge and remove are atomic per key: no count falls between a flush's read and its removal.
        counts.merge(new Key(CountPeriod.MINUTE.start(at), event.type()), 1L, Long::sum);
    }

    /** Adds what was counted since the last flush to the table; what cannot be written is kept for the next. */
    public void flush() {
        // Rows in (minute, type) order, so two instances' flushes cannot deadlock.
        Map<Key, Long> taken = new TreeMap<>();
        for (Key key : counts.keySet()) {
            Long n = counts.remove(key);
            if (n != null) {
                taken.put(key, n);
            }
        }
        if (taken.isEmpty()) {
            return;
        }
        try {
            Map<Key, Long> hours = new TreeMap<>();
            taken.forEach((k, n) -> hours.merge(new Key(CountPeriod.HOUR.start(k.minute()), k.type()), n, Long::sum));
            jdbi.useTransaction(h -> {
                write(h, CountPeriod.MINUTE, taken);
                write(h, CountPeriod.HOUR, hours);
            });
        } catch (RuntimeException e) {
            taken.forEach((k, n) -> counts.merge(k, n, Long::sum));
            throw e;
        }
    }

    private static void write(Handle h, CountPeriod period, Map<Key, Long> counts) {
        String table = period.table("event");
        PreparedBatch upsert = h.prepareBatch("INSERT INTO " + table + " (" + period.column() + ", event_type, emitted) "
                + "VALUES (:at, :type, :n) ON CONFLICT (" + period.column() + ", event_type) "
                + "DO UPDATE SET emitted = " + table + ".emitted + excluded.emitted");
        counts.forEach((k, n) -> upsert.bind("at", k.minute()).bind("type", k.type()).bind("n", n).add());
        upsert.execute();
    }

    /** Stops the flushes and writes what is left. */
    @Override
    public void close() {
        worker.close();
        worker.runNow(this::flush);
    }
}
