package io.plugboard.host.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.DeliverySettings;
import io.plugboard.host.plugins.ScheduledPlugin;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.TestDatabases;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.hooks.ActionHook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two host instances on one PostgreSQL database, both running the plugin {@code scheduled}: its one-instance task
 * runs on one of them only, and moves to the other when that one stops. Skipped, loudly, without a PostgreSQL server
 * (two hosts cannot share a SQLite file).
 */
class TestPluginSchedulesAcrossInstances {

    private static final ActionHook<String> ONE = ActionHook.of("scheduled.one", String.class);
    private static final Duration SHORT_LEASE = Duration.ofSeconds(3);
    /** The lease must outlast 1.5 times a request's time limits, so they are short too. */
    private static final DeliverySettings SHORT = TestHost.FAST.toBuilder().connectTimeout(Duration.ofMillis(500))
            .requestTimeout(Duration.ofSeconds(1)).leaseDuration(SHORT_LEASE).build();

    @Test
    void aOneInstanceTaskRunsOnOneHostAndMovesWhenItStops() {
        String db = TestDatabases.freshSchema();
        TestHost a = TestHost.onPostgres(db, "node-a", withPlugin(), SHORT);
        TestHost b = null;
        try {
            b = TestHost.onPostgres(db, "node-b", withPlugin(), SHORT);
            AtomicInteger onA = new AtomicInteger();
            AtomicInteger onB = new AtomicInteger();
            a.host().hooks().addAction(ONE, t -> onA.incrementAndGet());
            b.host().hooks().addAction(ONE, t -> onB.incrementAndGet());
            Await.until("ten runs in all", () -> onA.get() + onB.get() >= 10);
            assertThat(onA.get() == 0 || onB.get() == 0).as("runs on A: %s, on B: %s", onA.get(), onB.get()).isTrue();

            TestHost holder = onA.get() > 0 ? a : b;
            AtomicInteger other = holder == a ? onB : onA;
            holder.close();
            if (holder == a) {
                a = null;
            } else {
                b = null;
            }
            Await.until("the other instance takes the task over within the lease", SHORT_LEASE.plusSeconds(5),
                    () -> other.get() >= 3);
        } finally {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
        }
    }

    private static Path withPlugin() {
        Path dir = TestHost.tempDir("plugins");
        ScheduledPlugin.jar().writeTo(dir);
        return dir;
    }
}
