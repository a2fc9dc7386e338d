package io.plugboard.host.internal.stats;

import io.plugboard.host.internal.common.CountPeriod;
import io.plugboard.host.internal.delivery.LatencyBuckets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads the dashboard's numbers from the per-minute tables ({@code attempt_minutes}, {@code
 * event_minutes}) for the last hour and the per-hour ones beyond, never from the history itself, so a
 * range costs one row per period and webhook whatever the number of deliveries; the queue from the
 * pending deliveries' index.
 */
public final class ActivityStore {

    static final int MOST_FAILING = 5;
    private static final String SUMS = "SUM(succeeded) AS succeeded, SUM(retried) AS retried, SUM(failed) AS failed, "
            + IntStream.range(0, LatencyBuckets.COUNT).mapToObj(i -> "SUM(" + LatencyBuckets.column(i) + ") AS b" + i)
                    .collect(Collectors.joining(", "));

    private final Jdbi jdbi;

    public ActivityStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @param webhookId one webhook's numbers, or null for every webhook's */
    public Activity activity(ActivityRange range, String webhookId, Instant now) {
        Instant from = range.from(now);
        return jdbi.withHandle(h -> new Activity(range, from, deliveries(h, range, from, webhookId),
                queue(h, webhookId, now),
                webhookId == null ? mostFailing(h, range, from) : List.of(),
                webhookId == null ? eventTypes(h, range, from) : List.of()));
    }

    private static DeliveryActivity deliveries(Handle h, ActivityRange range, Instant from, String webhookId) {
        long step = range.step().toMillis();
        CountPeriod period = range.period();
        Query q = h.createQuery("SELECT (" + period.column() + " - :from) / :step AS slot, " + SUMS + " FROM "
                        + period.table("attempt") + " WHERE " + within(period)
                        + (webhookId == null ? "" : " AND webhook_id = :webhook")
                        + " GROUP BY slot")
                .bind("from", from.toEpochMilli()).bind("to", to(range, from)).bind("step", step);
        if (webhookId != null) {
            q.bind("webhook", webhookId);
        }
        long[][] slots = new long[range.slots()][];
        q.map((rs, ctx) -> row(rs)).forEach(r -> {
            int slot = (int) r[0];
            if (slot >= 0 && slot < slots.length) {
                slots[slot] = r;
            }
        });
        List<Interval> intervals = new ArrayList<>(slots.length);
        long[] total = new long[4 + LatencyBuckets.COUNT];
        for (int i = 0; i < slots.length; i++) {
            long[] r = slots[i] == null ? new long[total.length] : slots[i];
            intervals.add(interval(from.plusMillis(i * step), r));
            for (int c = 1; c < total.length; c++) {
                total[c] += r[c];
            }
        }
        return new DeliveryActivity(intervals, interval(from, total));
    }

    /** @return slot, succeeded, retried, failed, then the latency buckets */
    private static long[] row(ResultSet rs) throws SQLException {
        long[] r = new long[4 + LatencyBuckets.COUNT];
        r[0] = rs.getLong("slot");
        r[1] = rs.getLong("succeeded");
        r[2] = rs.getLong("retried");
        r[3] = rs.getLong("failed");
        for (int i = 0; i < LatencyBuckets.COUNT; i++) {
            r[4 + i] = rs.getLong("b" + i);
        }
        return r;
    }

    private static Interval interval(Instant start, long[] r) {
        long[] buckets = Arrays.copyOfRange(r, 4, r.length);
        return new Interval(start, r[1], r[2], r[3], LatencyBuckets.percentile(buckets, 50),
                LatencyBuckets.percentile(buckets, 95));
    }

    /** Failed attempts (retried or not) per webhook; webhooks deleted since are left out. */
    private static List<Tally> mostFailing(Handle h, ActivityRange range, Instant from) {
        CountPeriod period = range.period();
        return h.createQuery("SELECT t.webhook_id, w.name, t.failures FROM (SELECT webhook_id, SUM(retried + failed) "
                        + "AS failures FROM " + period.table("attempt") + " WHERE " + within(period) + " "
                        + "GROUP BY webhook_id) t JOIN webhooks w ON w.id = t.webhook_id WHERE t.failures > 0 "
                        + "ORDER BY t.failures DESC, t.webhook_id LIMIT " + MOST_FAILING)
                .bind("from", from.toEpochMilli()).bind("to", to(range, from))
                .map((rs, ctx) -> new Tally(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    private static List<Tally> eventTypes(Handle h, ActivityRange range, Instant from) {
        CountPeriod period = range.period();
        return h.createQuery("SELECT event_type, SUM(emitted) AS n FROM " + period.table("event") + " WHERE "
                        + within(period) + " "
                        + "GROUP BY event_type ORDER BY n DESC, event_type")
                .bind("from", from.toEpochMilli()).bind("to", to(range, from))
                .map((rs, ctx) -> new Tally(rs.getString(1), rs.getString(1), rs.getLong(2)))
                .list();
    }

    /**
     * The range's rows. Bounded on both sides: with {@code >=} alone SQLite's planner (no statistics)
     * judged the range large and walked a whole index in webhook order instead.
     */
    private static String within(CountPeriod period) {
        return period.column() + " >= :from AND " + period.column() + " < :to";
    }

    private static long to(ActivityRange range, Instant from) {
        return from.toEpochMilli() + range.step().toMillis() * range.slots();
    }

    private static QueueState queue(Handle h, String webhookId, Instant now) {
        Query q = h.createQuery("SELECT COUNT(*) AS pending, "
                        + "SUM(CASE WHEN next_attempt_at <= :now THEN 1 ELSE 0 END) AS due, "
                        + "MIN(CASE WHEN next_attempt_at <= :now THEN next_attempt_at END) AS oldest "
                        + "FROM deliveries WHERE status = 'pending'" + (webhookId == null ? "" : " AND webhook_id = :webhook"))
                .bind("now", now.toEpochMilli());
        if (webhookId != null) {
            q.bind("webhook", webhookId);
        }
        return q.map((rs, ctx) -> {
            long oldest = rs.getLong("oldest");
            return new QueueState(rs.getLong("pending"), rs.getLong("due"),
                    rs.wasNull() ? 0 : Math.max(0, now.toEpochMilli() - oldest));
        }).one();
    }
}
