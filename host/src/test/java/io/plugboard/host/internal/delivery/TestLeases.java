package io.plugboard.host.internal.delivery;

import io.plugboard.host.internal.common.Workers;
import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.internal.instances.JobLeases;
import io.plugboard.host.internal.storage.Database;
import io.plugboard.host.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * Claims on deliveries and on jobs, on a real database (SQLite, and PostgreSQL in the PostgreSQL
 * run): each due delivery goes to one claimer at a time, also when claimers race; an expired claim
 * is taken over; a job runs on one instance at a time.
 */
class TestLeases {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void aClaimIsExclusiveUntilItExpiresAndItsOwnerKeepsIt() {
        try (Database db = TestDatabases.openDatabase()) {
            insertDue(db, "wh_1", 50);
            DeliveryQueue a = queue(db, "ins_a");
            DeliveryQueue b = queue(db, "ins_b");

            List<String> first = ids(a.due("wh_1", NOW, 30));
            List<String> second = ids(b.due("wh_1", NOW, 50));
            assertThat(first).hasSize(30);
            assertThat(second).as("what a holds is not b's").hasSize(20).doesNotContainAnyElementsOf(first);
            assertThat(ids(a.due("wh_1", NOW, 50))).as("a still holds its own").containsExactlyInAnyOrderElementsOf(first);

            Instant afterExpiry = NOW.plus(LEASE).plusMillis(1);
            assertThat(ids(b.due("wh_1", afterExpiry, 100))).as("expired claims are taken over")
                    .containsAll(first).hasSize(50);
            assertThat(a.due("wh_1", afterExpiry, 100)).isEmpty();
        }
    }

    @Test
    void racingClaimersNeverGetTheSameDelivery() throws Exception {
        int deliveries = 400;
        try (Database db = TestDatabases.openDatabase()) {
            insertDue(db, "wh_1", deliveries);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<String>>> claims = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    DeliveryQueue q = queue(db, "ins_" + t);
                    claims.add(pool.submit(() -> {
                        List<String> mine = new ArrayList<>();
                        for (int i = 0; i < 500; i++) {
                            List<String> got = ids(q.due("wh_1", NOW, 7));
                            if (got.isEmpty()) {
                                break;
                            }
                            mine.addAll(got);
                            // Sent and recorded, as CompletionWriter would: the claim ends with the delivery.
                            db.jdbi().useHandle(h -> h.createUpdate("UPDATE deliveries SET status = 'succeeded', "
                                    + "lease_owner = NULL WHERE id IN (<ids>)").bindList("ids", got).execute());
                        }
                        return mine;
                    }));
                }
                List<String> all = new ArrayList<>();
                for (Future<List<String>> f : claims) {
                    all.addAll(f.get());
                }
                assertThat(new HashSet<>(all)).as("no delivery claimed twice").hasSize(all.size());
                assertThat(all).as("every delivery claimed").hasSize(deliveries);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aJobRunsOnOneInstanceUntilItsLeaseRunsOut() {
        try (Database db = TestDatabases.openDatabase()) {
            Clock now = Clock.fixed(NOW, ZoneOffset.UTC);
            Clock later = Clock.fixed(NOW.plus(Duration.ofMinutes(51)), ZoneOffset.UTC);
            assertThat(new JobLeases(db.jdbi(), "ins_a", now).tryTake("retention", Duration.ofMinutes(50))).isTrue();
            assertThat(new JobLeases(db.jdbi(), "ins_b", now).tryTake("retention", Duration.ofMinutes(50))).isFalse();
            assertThat(new JobLeases(db.jdbi(), "ins_b", now).tryTake("other", Duration.ofMinutes(50))).isTrue();
            assertThat(new JobLeases(db.jdbi(), "ins_a", now).tryTake("retention", Duration.ofMinutes(50)))
                    .as("the holder may run it again").isTrue();
            assertThat(new JobLeases(db.jdbi(), "ins_b", later).tryTake("retention", Duration.ofMinutes(50)))
                    .as("after expiry another instance takes it").isTrue();
            assertThat(new JobLeases(db.jdbi(), "ins_a", later).tryTake("retention", Duration.ofMinutes(50))).isFalse();
        }
    }

    @Test
    void renewalKeepsClaimsAndReleaseHandsThemBack() {
        try (Database db = TestDatabases.openDatabase()) {
            insertDue(db, "wh_1", 10);
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            Leases leasesA = new Leases(db.jdbi(), db.dialect(), "ins_a", LEASE, clock, new Workers(clock));
            DeliveryQueue a = new DeliveryQueue(db.jdbi(), db.dialect(), leasesA);
            assertThat(a.due("wh_1", NOW.minus(LEASE), 10)).hasSize(10); // claimed long ago: expired by NOW
            leasesA.renew(); // at NOW: every claim lasts until NOW + LEASE
            assertThat(queue(db, "ins_b").due("wh_1", NOW.plusSeconds(1), 10)).as("renewed claims hold").isEmpty();
            assertThat(leasesA.holdFor(Duration.ofSeconds(5))).isTrue();
            assertThat(leasesA.holdFor(LEASE)).as("not beyond the renewal").isFalse();
            leasesA.release();
            assertThat(queue(db, "ins_b").due("wh_1", NOW.plusSeconds(1), 10)).as("released claims are free").hasSize(10);
        }
    }

    @Test
    void aRestartTakesBackWhatItHeldBeforeACrash() {
        try (Database db = TestDatabases.openDatabase()) {
            insertDue(db, "wh_1", 10);
            assertThat(queue(db, "ins_crashed").due("wh_1", NOW, 4)).hasSize(4);
            assertThat(queue(db, "web-1").due("wh_1", NOW, 10)).hasSize(6);
            Leases restarted = new Leases(db.jdbi(), db.dialect(), "web-1", LEASE, Clock.fixed(NOW, ZoneOffset.UTC),
                    new Workers(Clock.systemUTC()));
            restarted.recoverAtStart();
            int free = db.dialect() == io.plugboard.host.internal.storage.Dialect.SQLITE
                    ? 10 // one instance per SQLite file: every claim left behind was a crashed run's
                    : 6; // on PostgreSQL only its own: ins_crashed may be another live instance
            assertThat(queue(db, "ins_other").due("wh_1", NOW, 10)).hasSize(free);
        }
    }

    private static DeliveryQueue queue(Database db, String owner) {
        return new DeliveryQueue(db.jdbi(), db.dialect(),
                new Leases(db.jdbi(), db.dialect(), owner, LEASE, Clock.fixed(NOW, ZoneOffset.UTC),
                        new Workers(Clock.systemUTC())));
    }

    private static List<String> ids(List<DueDelivery> due) {
        return due.stream().map(DueDelivery::id).toList();
    }

    private static void insertDue(Database db, String webhook, int n) {
        db.jdbi().useTransaction(h -> {
            h.execute("INSERT INTO webhooks (id, name, url, secret, created_at, updated_at) VALUES (?, 'w', "
                    + "'https://example.com', 'whsec_AAAA', 0, 0)", webhook);
            for (int i = 0; i < n; i++) {
                insert(h, webhook, i);
            }
        });
    }

    private static void insert(Handle h, String webhook, int i) {
        String id = String.format("%05d", i);
        h.execute("INSERT INTO events (id, type, data, source, created_at) VALUES (?, 'ping', '{}', 'app', 0)", "evt_" + id);
        h.execute("INSERT INTO deliveries (id, event_id, webhook_id, status, attempts, next_attempt_at, created_at, "
                + "updated_at) VALUES (?, ?, ?, 'pending', 0, ?, 0, 0)", "dlv_" + id, "evt_" + id, webhook,
                NOW.minusSeconds(3600).toEpochMilli() + i);
    }
}
