package io.plugboard.host.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.internal.storage.DatabaseSettings;
import io.plugboard.host.testing.TestDatabases;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two "instances" (two connection pools on one database: a PostgreSQL schema in the storage suite's
 * second run, else one SQLite file) add attempts of the same minutes and webhooks at once, from
 * several threads each: the upsert must add every one, none lost to a read-modify-write or a
 * conflicting insert, and the sorted rows must never deadlock.
 */
class TestAttemptMinutesConcurrency {

    /** The start of an hour (1.8e12 ms is a multiple of 3,600,000). */
    private static final long MINUTE = 1_800_000_000_000L;
    private static final int THREADS_PER_INSTANCE = 4;
    private static final int BATCHES = 40;

    @Test
    void twoInstancesAddingTheSameMinutesLoseNothing() throws Exception {
        Path dir = TestHost.tempDir("data");
        DatabaseSettings shared = TestDatabases.postgresMode() ? new DatabaseSettings(TestDatabases.freshSchema(), null, null)
                : null;
        try (Database one = Database.open(shared, dir); Database two = Database.open(shared, dir)) {
            ExecutorService threads = Executors.newFixedThreadPool(THREADS_PER_INSTANCE * 2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < THREADS_PER_INSTANCE * 2; t++) {
                Database db = t % 2 == 0 ? one : two;
                boolean reversed = t % 3 == 0;
                runs.add(threads.submit(() -> {
                    go.await();
                    for (int b = 0; b < BATCHES; b++) {
                        AttemptMinutes batch = new AttemptMinutes();
                        // Two minutes and two webhooks per batch, added in differing orders: the writer sorts them.
                        for (int k = 0; k < 4; k++) {
                            int i = reversed ? 3 - k : k;
                            batch.add("wh_" + (i % 2), MINUTE + (i / 2) * 60_000L + 5, i % 2 == 0 ? "succeeded" : "pending", 42);
                        }
                        batch.add("wh_0", MINUTE + 59_999, "failed", 2_000);
                        db.jdbi().useTransaction(batch::write);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> run : runs) {
                run.get(2, TimeUnit.MINUTES);
            }
            threads.shutdown();

            long writes = (long) THREADS_PER_INSTANCE * 2 * BATCHES;
            List<long[]> rows = one.jdbi().withHandle(h -> h.createQuery("SELECT minute_at, succeeded, retried, failed, "
                            + LatencyBuckets.column(LatencyBuckets.of(42)) + ", " + LatencyBuckets.column(LatencyBuckets.of(2_000))
                            + " FROM attempt_minutes ORDER BY minute_at, webhook_id")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6)})
                    .list());
            assertThat(rows).hasSize(4);
            // minute 1, wh_0: succeeded once per batch, and the failed one at the minute's last millisecond
            assertThat(rows.get(0)).containsExactly(MINUTE, writes, 0, writes, writes, writes);
            assertThat(rows.get(1)).containsExactly(MINUTE, 0, writes, 0, writes, 0);
            assertThat(rows.get(2)).containsExactly(MINUTE + 60_000, writes, 0, 0, writes, 0);
            assertThat(rows.get(3)).containsExactly(MINUTE + 60_000, 0, writes, 0, writes, 0);
            // Both minutes are in one hour (MINUTE starts an hour): the hours hold their sums.
            List<long[]> hours = one.jdbi().withHandle(h -> h.createQuery("SELECT hour_at, succeeded, retried, failed "
                            + "FROM attempt_hours ORDER BY hour_at, webhook_id")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                    .list());
            assertThat(hours).hasSize(2);
            assertThat(hours.get(0)).containsExactly(MINUTE, 2 * writes, 0, writes);
            assertThat(hours.get(1)).containsExactly(MINUTE, 0, 2 * writes, 0);
        }
    }
}
