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
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/** Retention against a real SQLite database: old history goes in batches, pending work stays. */
class TestRetention {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void purgesFinishedHistoryOlderThanTheAgeAndKeepsPendingWork() {
        try (Database db = TestDatabases.openDatabase()) {
            long old = NOW.minus(Duration.ofDays(31)).toEpochMilli();
            long recent = NOW.minus(Duration.ofDays(1)).toEpochMilli();
            db.jdbi().useHandle(h -> {
                h.execute("INSERT INTO webhooks (id, name, url, secret, created_at, updated_at) "
                        + "VALUES ('wh_1', 'w', 'https://example.com', 'whsec_AAAA', 0, 0)");
                int n = Retention.BATCH * 2 + 5;
                for (int i = 0; i < n; i++) {
                    row(h, "old" + i, old, "succeeded");
                }
                row(h, "oldpending", old, "pending");
                row(h, "recent", recent, "failed");
            });
            int removed = new Retention(db.jdbi(), Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC),
                    new JobLeases(db.jdbi(), "test", Clock.fixed(NOW, ZoneOffset.UTC)), new Workers(Clock.systemUTC())).purge();

            assertThat(removed).as("deliveries and their events; attempts go with their deliveries")
                    .isEqualTo((Retention.BATCH * 2 + 5) * 2);
            assertThat(count(db, "SELECT COUNT(*) FROM deliveries")).isEqualTo(2);
            assertThat(count(db, "SELECT COUNT(*) FROM events")).as("events of kept deliveries stay").isEqualTo(2);
            assertThat(count(db, "SELECT COUNT(*) FROM delivery_attempts")).as("recent attempts stay").isEqualTo(1);
        }
    }

    @Test
    void anApplicationsOwnRetentionWinsForItsWebhooksOnly() {
        try (Database db = TestDatabases.openDatabase()) {
            long tenDaysAgo = NOW.minus(Duration.ofDays(10)).toEpochMilli();
            long fortyDaysAgo = NOW.minus(Duration.ofDays(40)).toEpochMilli();
            db.jdbi().useHandle(h -> {
                h.execute("INSERT INTO applications (id, uid, name, metadata, retention_days, created_at, updated_at) "
                        + "VALUES ('app_short', 'short', 'Short', '{}', 7, 0, 0), "
                        + "('app_long', 'long', 'Long', '{}', 60, 0, 0)");
                h.execute("INSERT INTO webhooks (id, name, url, secret, created_at, updated_at) "
                        + "VALUES ('wh_1', 'w', 'https://example.com', 'whsec_AAAA', 0, 0)");
                h.execute("INSERT INTO webhooks (id, name, url, secret, created_at, updated_at, app_id) "
                        + "VALUES ('wh_short', 'w', 'https://example.com', 'whsec_AAAA', 0, 0, 'app_short'), "
                        + "('wh_long', 'w', 'https://example.com', 'whsec_AAAA', 0, 0, 'app_long')");
                row(h, "host10", tenDaysAgo, "succeeded", "wh_1");
                row(h, "host40", fortyDaysAgo, "succeeded", "wh_1");
                row(h, "short10", tenDaysAgo, "succeeded", "wh_short");
                row(h, "long40", fortyDaysAgo, "succeeded", "wh_long");
            });
            new Retention(db.jdbi(), Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC),
                    new JobLeases(db.jdbi(), "test", Clock.fixed(NOW, ZoneOffset.UTC)), new Workers(Clock.systemUTC())).purge();

            List<String> kept = db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM deliveries ORDER BY id")
                    .mapTo(String.class).list());
            assertThat(kept).as("the host's 30 days, 7 for one application, 60 for another")
                    .containsExactly("dlv_host10", "dlv_long40");
        }
    }

    @Test
    void purgesIdempotencyKeysPastTheirWindowAndKeepsTheRest() {
        try (Database db = TestDatabases.openDatabase()) {
            int n = Retention.BATCH + 3;
            db.jdbi().useHandle(h -> {
                for (int i = 0; i < n; i++) {
                    key(h, "old-" + i, NOW.minus(Duration.ofHours(24)).minusMillis(1));
                }
                key(h, "edge", NOW.minus(Duration.ofHours(24)));
                key(h, "recent", NOW.minus(Duration.ofHours(1)));
            });
            int removed = new Retention(db.jdbi(), Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC),
                    new JobLeases(db.jdbi(), "test", Clock.fixed(NOW, ZoneOffset.UTC)), new Workers(Clock.systemUTC())).purge();

            assertThat(removed).as("keys older than 24 hours, in batches").isEqualTo(n);
            List<String> kept = db.jdbi().withHandle(h -> h.createQuery("SELECT idempotency_key FROM idempotency_keys "
                    + "ORDER BY idempotency_key").mapTo(String.class).list());
            assertThat(kept).as("keys within their window, to the millisecond").containsExactly("edge", "recent");
        }
    }

    @Test
    void purgesTheDashboardsCountsOlderThanTheAge() {
        try (Database db = TestDatabases.openDatabase()) {
            long cutoff = NOW.minus(Duration.ofDays(30)).toEpochMilli();
            int n = Retention.BATCH + 7;
            db.jdbi().useHandle(h -> {
                for (int i = 1; i <= n; i++) {
                    h.execute("INSERT INTO attempt_minutes (minute_at, webhook_id, succeeded) VALUES (?, 'wh_1', 1)",
                            cutoff - i * 60_000L);
                    h.execute("INSERT INTO event_minutes (minute_at, event_type, emitted) VALUES (?, 'ping', 1)",
                            cutoff - i * 60_000L);
                }
                h.execute("INSERT INTO attempt_minutes (minute_at, webhook_id, succeeded) VALUES (?, 'wh_1', 1)", cutoff);
                h.execute("INSERT INTO event_minutes (minute_at, event_type, emitted) VALUES (?, 'ping', 1)", cutoff);
                h.execute("INSERT INTO attempt_hours (hour_at, webhook_id, succeeded) VALUES (?, 'wh_1', 1)", cutoff - 3_600_000);
                h.execute("INSERT INTO attempt_hours (hour_at, webhook_id, succeeded) VALUES (?, 'wh_1', 1)", cutoff);
                h.execute("INSERT INTO event_hours (hour_at, event_type, emitted) VALUES (?, 'ping', 1)", cutoff - 3_600_000);
            });
            int removed = new Retention(db.jdbi(), Duration.ofDays(30), Clock.fixed(NOW, ZoneOffset.UTC),
                    new JobLeases(db.jdbi(), "test", Clock.fixed(NOW, ZoneOffset.UTC)), new Workers(Clock.systemUTC())).purge();

            assertThat(removed).as("minutes and hours that ended before the cutoff, in batches").isEqualTo(n * 2 + 2);
            assertThat(count(db, "SELECT COUNT(*) FROM attempt_hours WHERE hour_at = " + cutoff)).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM event_hours")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM attempt_minutes WHERE minute_at = " + cutoff)).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM event_minutes")).isEqualTo(1);
        }
    }

    private static void key(Handle h, String key, Instant at) {
        h.execute("INSERT INTO idempotency_keys (idempotency_key, event_id, fingerprint, created_at) VALUES (?, ?, 'f', ?)",
                key, "evt_" + key, at.toEpochMilli());
    }

    private static void row(Handle h, String id, long at, String status) {
        row(h, id, at, status, "wh_1");
    }

    private static void row(Handle h, String id, long at, String status, String webhook) {
        h.execute("INSERT INTO events (id, type, data, source, created_at) VALUES (?, 'ping', '{}', 'app', ?)",
                "evt_" + id, at);
        h.execute("INSERT INTO deliveries (id, event_id, webhook_id, status, attempts, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, 1, ?, ?)", "dlv_" + id, "evt_" + id, webhook, status, at, at);
        if (!status.equals("pending")) {
            h.execute("INSERT INTO delivery_attempts (id, delivery_id, webhook_id, attempt, attempted_at, success, "
                    + "request_headers, duration_ms) VALUES (?, ?, ?, 1, ?, TRUE, '{}', 1)", "att_" + id,
                    "dlv_" + id, webhook, at);
        }
    }

    private static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
