package io.plugboard.host.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.internal.delivery.LatencyBuckets;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's numbers end to end: events delivered by a real host (SQLite, and PostgreSQL in the
 * storage suite's second run) to a real receiver that answers slowly, quickly or with errors; the
 * per-minute table must hold exactly what the attempt log says, minute by minute, and the
 * percentiles read from it must fall in the bucket of the exact ones.
 */
class TestActivity {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int EVENTS = 20;
    /** Events from this number on fail every attempt: 1 + 3 retries (TestHost.FAST), then failed for good. */
    private static final int FAILING_FROM = 12;

    private TestHost host;
    private Receiver receiver;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void attemptsAreCountedPerMinuteAndPercentilesComeFromTheHistogram() {
        receiver = new Receiver().script(r -> {
            int n = Integer.parseInt(r.bodyText().replaceAll("(?s).*\"n\":(\\d+).*", "$1"));
            return new Receiver.Reply(n >= FAILING_FROM ? 500 : 200, "", Map.of(), n % 2 == 1 ? 250 : 0);
        });
        host = TestHost.start(TestHost.tempDir("plugins"));
        String webhook = host.createWebhook("Orders", receiver.url("/in"), "ping").get("id").asText();
        String quiet = host.createWebhook("Quiet", receiver.url("/quiet"), "order_placed").get("id").asText();
        for (int n = 0; n < EVENTS; n++) {
            host.host().events().emit("ping", Map.of("n", n));
        }
        Jdbi db = Jdbi.create(host::connection);
        Await.until("every delivery finished", WAIT, () -> db.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM deliveries WHERE status = 'pending'").mapTo(Long.class).one()) == 0);

        // What the attempt log says, per minute: outcomes (a failure before the last attempt was retried) and buckets.
        Map<Long, long[]> expected = new TreeMap<>();
        List<Long> durations = new ArrayList<>();
        db.useHandle(h -> h.createQuery("SELECT attempted_at, success, attempt, duration_ms FROM delivery_attempts "
                        + "WHERE webhook_id = :w").bind("w", webhook)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getBoolean(2) ? 1 : 0, rs.getLong(3), rs.getLong(4)})
                .forEach(a -> {
                    long[] row = expected.computeIfAbsent(a[0] - Math.floorMod(a[0], 60_000L),
                            k -> new long[3 + LatencyBuckets.COUNT]);
                    row[a[1] == 1 ? 0 : a[2] < 4 ? 1 : 2]++;
                    row[3 + LatencyBuckets.of(a[3])]++;
                    durations.add(a[3]);
                }));
        Map<Long, long[]> stored = new TreeMap<>();
        db.useHandle(h -> h.createQuery("SELECT * FROM attempt_minutes WHERE webhook_id = :w").bind("w", webhook)
                .map((rs, ctx) -> {
                    long[] row = new long[3 + LatencyBuckets.COUNT];
                    row[0] = rs.getLong("succeeded");
                    row[1] = rs.getLong("retried");
                    row[2] = rs.getLong("failed");
                    for (int i = 0; i < LatencyBuckets.COUNT; i++) {
                        row[3 + i] = rs.getLong(LatencyBuckets.column(i));
                    }
                    return Map.entry(rs.getLong("minute_at"), row);
                })
                .forEach(e -> stored.put(e.getKey(), e.getValue())));
        assertThat(stored.keySet()).isEqualTo(expected.keySet());
        expected.forEach((minute, row) -> assertThat(stored.get(minute)).as("minute %s", Instant.ofEpochMilli(minute))
                .containsExactly(row));

        Activity a = new ActivityStore(db).activity(ActivityRange.HOUR, webhook, Instant.now());
        Interval total = a.deliveries().total();
        int failing = EVENTS - FAILING_FROM;
        assertThat(new long[] {total.succeeded(), total.retried(), total.failed()})
                .containsExactly(FAILING_FROM, failing * 3L, failing);
        List<Long> sorted = durations.stream().sorted().toList();
        assertThat(sorted.get(sorted.size() - 1)).as("the receiver held some answers 250 ms").isGreaterThanOrEqualTo(250);
        for (double p : new double[] {50, 95}) {
            long exact = sorted.get((int) Math.ceil(p / 100 * sorted.size()) - 1);
            Long read = p == 50 ? total.p50Ms() : total.p95Ms();
            assertThat(LatencyBuckets.of(read)).as("p%s: exact %d ms, read %d ms", p, exact, read)
                    .isEqualTo(LatencyBuckets.of(exact));
        }
        assertThat(a.deliveries().intervals()).hasSize(60);
        assertThat(a.deliveries().intervals().stream().mapToLong(Interval::attempts).sum()).isEqualTo(total.attempts());
        assertThat(a.queue().pending()).isZero();

        Activity all = new ActivityStore(db).activity(ActivityRange.WEEK, null, Instant.now());
        assertThat(all.mostFailing()).containsExactly(new Tally(webhook, "Orders", failing * 4L));
        assertThat(all.mostFailing()).extracting(Tally::id).doesNotContain(quiet);
        // Events are counted in memory and written every few seconds.
        List<Tally> types = Await.value("the emitted events counted", WAIT,
                () -> new ActivityStore(db).activity(ActivityRange.DAY, null, Instant.now()).eventTypes(),
                t -> !t.isEmpty() && t.get(0).count() == EVENTS);
        // The failing webhook makes the host's own delivery_failed and webhook_failing events too.
        assertThat(types.get(0)).isEqualTo(new Tally("ping", "ping", EVENTS));
        assertThat(types).extracting(Tally::id).containsAnyOf("delivery_failed", "webhook_failing");
    }

    @Test
    void theQueueCountsWaitingDeliveriesAndTheOldestDueOne() {
        receiver = new Receiver().respond(503, "");
        host = TestHost.start(TestHost.tempDir("plugins"));
        String webhook = host.createWebhook("Down", receiver.url("/down"), "ping").get("id").asText();
        host.http().patchJson("/api/v1/webhooks/" + webhook, "{\"enabled\":false}");
        Jdbi db = Jdbi.create(host::connection);
        long due = Instant.now().minus(Duration.ofMinutes(3)).toEpochMilli();
        db.useHandle(h -> {
            h.execute("INSERT INTO events (id, type, data, source, created_at) VALUES ('evt_q', 'ping', '{}', 'app', ?)", due);
            h.execute("INSERT INTO deliveries (id, event_id, webhook_id, status, attempts, next_attempt_at, created_at, "
                    + "updated_at) VALUES ('dlv_q1', 'evt_q', ?, 'pending', 0, ?, ?, ?)", webhook, due, due, due);
            h.execute("INSERT INTO deliveries (id, event_id, webhook_id, status, attempts, next_attempt_at, created_at, "
                    + "updated_at) VALUES ('dlv_q2', 'evt_q', ?, 'pending', 1, ?, ?, ?)", webhook,
                    Instant.now().plus(Duration.ofHours(1)).toEpochMilli(), due, due);
        });

        QueueState q = new ActivityStore(db).activity(ActivityRange.HOUR, webhook, Instant.now()).queue();

        assertThat(q.pending()).isEqualTo(2);
        assertThat(q.due()).isEqualTo(1);
        assertThat(q.oldestDueMs()).isBetween(Duration.ofMinutes(3).toMillis(), Duration.ofMinutes(30).toMillis());
        assertThat(new ActivityStore(db).activity(ActivityRange.HOUR, null, Instant.now()).queue().pending()).isEqualTo(2);
    }
}
