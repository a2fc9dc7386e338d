package io.plugboard.host.internal.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.host.internal.common.Workers;
import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Registering an instance id whose row beat moments ago: a stopped heartbeat (a crashed run) is waited
 * out and taken over; a heartbeat that goes on (a running instance) is refused.
 */
class TestInstanceIds {

    /** Beats every 200 ms: the live window is 600 ms. */
    private static final Duration HEARTBEAT = Duration.ofMillis(200);

    @Test
    void aHeartbeatThatStoppedIsWaitedOutAndTheIdTakenOver() {
        try (Database db = TestDatabases.openDatabase()) {
            long crashedAt = System.currentTimeMillis();
            insertRow(db, crashedAt);
            try (Instances restarted = new Instances(db.jdbi(), "web-1", "1.0", HEARTBEAT, Clock.systemUTC(),
                    new Workers(Clock.systemUTC()))) {
                assertThat(System.currentTimeMillis() - crashedAt).as("waited for the live window to pass")
                        .isGreaterThanOrEqualTo(HEARTBEAT.multipliedBy(3).toMillis());
                assertThat(restarted.list()).singleElement().satisfies(i -> assertThat(i.id()).isEqualTo("web-1"));
            }
        }
    }

    @Test
    void aHeartbeatThatGoesOnIsRefused() throws InterruptedException {
        try (Database db = TestDatabases.openDatabase()) {
            insertRow(db, System.currentTimeMillis());
            AtomicBoolean beating = new AtomicBoolean(true);
            Thread other = new Thread(() -> {
                while (beating.get()) {
                    db.jdbi().useHandle(h -> h.createUpdate("UPDATE instances SET last_seen_at = :now WHERE id = 'web-1'")
                            .bind("now", System.currentTimeMillis()).execute());
                    java.util.concurrent.locks.LockSupport.parkNanos(HEARTBEAT.toNanos() / 2);
                }
            });
            other.start();
            try {
                assertThatThrownBy(() -> new Instances(db.jdbi(), "web-1", "1.0", HEARTBEAT, Clock.systemUTC(),
                        new Workers(Clock.systemUTC())))
                        .hasMessageContaining("the instance id 'web-1' is in use by a running instance");
            } finally {
                beating.set(false);
                other.join();
            }
        }
    }

    private static void insertRow(Database db, long lastSeen) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO instances (id, started_at, last_seen_at, host_version) "
                + "VALUES ('web-1', :at, :at, '1.0')").bind("at", lastSeen).execute());
    }
}
