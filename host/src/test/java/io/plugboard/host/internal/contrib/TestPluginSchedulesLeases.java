package io.plugboard.host.internal.contrib;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.internal.instances.JobLeases;
import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.TestDatabases;
import io.plugboard.sdk.Runs;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two schedulers with their own instance ids on one database (the job leases of two instances): a one-instance
 * task runs on one, and when that one dies without handing the lease back, the other takes over once it expires.
 */
class TestPluginSchedulesLeases {

    private static final Duration GRACE = Duration.ofMillis(500);

    @Test
    void aOneInstanceTaskMovesWhenItsHolderDiesAndTheLeaseExpires() {
        try (Database db = TestDatabases.openDatabase()) {
            TaskScheduler first = new TaskScheduler(Clock.systemUTC(), new JobLeases(db.jdbi(), "ins_a", Clock.systemUTC()), GRACE);
            TaskScheduler second = new TaskScheduler(Clock.systemUTC(), new JobLeases(db.jdbi(), "ins_b", Clock.systemUTC()), GRACE);
            try (second) {
                AtomicInteger onFirst = new AtomicInteger();
                AtomicInteger onSecond = new AtomicInteger();
                first.every("p", "job", Duration.ofMillis(100), onFirst::incrementAndGet, Runs.ON_ONE_INSTANCE);
                Await.until("the first instance runs it", () -> onFirst.get() >= 1);
                second.every("p", "job", Duration.ofMillis(100), onSecond::incrementAndGet, Runs.ON_ONE_INSTANCE);
                Await.until("eight more runs on the first", () -> onFirst.get() >= 9);
                assertThat(onSecond.get()).as("the second skips while the first holds the lease").isZero();

                first.close(); // dies: its threads stop, the lease is not handed back
                long diedAt = System.nanoTime();
                Await.until("the second takes over", () -> onSecond.get() >= 2);
                assertThat(Duration.ofNanos(System.nanoTime() - diedAt)).as("after the lease expired")
                        .isGreaterThanOrEqualTo(GRACE);
            }
        }
    }
}
