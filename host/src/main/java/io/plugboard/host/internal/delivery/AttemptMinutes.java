package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.common.CountPeriod;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The per-minute tally of one batch of attempts, added to {@code attempt_minutes} (and summed per
 * hour to {@code attempt_hours}) in the batch's transaction by an upsert that adds to what is there: another instance recording attempts of the
 * same minute and webhook adds its own (the row's lock orders the two, neither overwrites). Rows are
 * written in (period, webhook) order, minutes before hours, so two instances' batches cannot deadlock on them.
 */
final class AttemptMinutes {

    /** The counted columns, in the order of a row's additions: outcomes, then the latency buckets. */
    static final List<String> COUNTED = Stream.concat(Stream.of("succeeded", "retried", "failed"),
            IntStream.range(0, LatencyBuckets.COUNT).mapToObj(LatencyBuckets::column)).toList();

    private static String upsert(CountPeriod period) {
        String table = period.table("attempt");
        return "INSERT INTO " + table + " (" + period.column() + ", webhook_id, " + String.join(", ", COUNTED)
                + ") VALUES (:at, :webhook_id, " + COUNTED.stream().map(c -> ":" + c).collect(Collectors.joining(", "))
                + ") ON CONFLICT (" + period.column() + ", webhook_id) DO UPDATE SET "
                + COUNTED.stream().map(c -> c + " = " + table + "." + c + " + excluded." + c).collect(Collectors.joining(", "));
    }

    /** @param minute the start of the row's period (a minute, or an hour) */
    private record Key(long minute, String webhookId) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int byMinute = Long.compare(minute, o.minute);
            return byMinute != 0 ? byMinute : webhookId.compareTo(o.webhookId);
        }
    }

    /** One row's additions: succeeded, retried, failed, then the latency buckets. */
    private final Map<Key, long[]> rows = new TreeMap<>();

    /** @param status the delivery's state after the attempt ({@link RetryPolicy}'s names) */
    void add(String webhookId, long attemptedAt, String status, long durationMs) {
        long[] row = rows.computeIfAbsent(new Key(CountPeriod.MINUTE.start(attemptedAt), webhookId),
                k -> new long[COUNTED.size()]);
        row[switch (status) {
            case RetryPolicy.SUCCEEDED -> 0;
            case RetryPolicy.PENDING -> 1;
            default -> 2;
        }]++;
        row[3 + LatencyBuckets.of(durationMs)]++;
    }

    /** Adds the rows to the minutes, then the same sums to the hours. */
    void write(Handle h) {
        if (rows.isEmpty()) {
            return;
        }
        write(h, CountPeriod.MINUTE, rows);
        Map<Key, long[]> hours = new TreeMap<>();
        rows.forEach((key, row) -> {
            long[] sum = hours.computeIfAbsent(new Key(CountPeriod.HOUR.start(key.minute()), key.webhookId()),
                    k -> new long[row.length]);
            for (int i = 0; i < row.length; i++) {
                sum[i] += row[i];
            }
        });
        write(h, CountPeriod.HOUR, hours);
    }

    private static void write(Handle h, CountPeriod period, Map<Key, long[]> sums) {
        PreparedBatch upsert = h.prepareBatch(upsert(period));
        sums.forEach((key, row) -> {
            upsert.bind("at", key.minute()).bind("webhook_id", key.webhookId());
            for (int i = 0; i < row.length; i++) {
                upsert.bind(COUNTED.get(i), row[i]);
            }
            upsert.add();
        });
        upsert.execute();
    }
}
