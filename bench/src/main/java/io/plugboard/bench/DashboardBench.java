package io.plugboard.bench;

import io.plugboard.host.DeliverySettings;
import io.plugboard.host.Plugboard;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard over a week of history: 1,000,000 deliveries' attempts to 20 webhooks, spread over
 * every minute of 7 days, written straight into the per-minute tables (201,600 rows of
 * {@code attempt_minutes}, 50,400 of {@code event_minutes}) and their per-hour sums as a busy site
 * would have accumulated them; then how fast {@code /admin} answers for each range, and one webhook's page for the week.
 */
final class DashboardBench {

    static final long DELIVERIES = 1_000_000;
    static final int WEBHOOKS = 20;
    static final int MINUTES = 7 * 24 * 60;
    private static final String[] TYPES = {"order_placed", "order_paid", "order_shipped", "refund_issued", "ping"};

    private DashboardBench() {}

    static void run(List<String[]> results) throws Exception {
        Path data = Files.createTempDirectory("bench-dashboard");
        List<String> webhooks = new ArrayList<>();
        try (Plugboard host = DeliveryBench.start(DeliverySettings.defaults(), data)) {
            for (int i = 0; i < WEBHOOKS; i++) {
                webhooks.add(DeliveryBench.createWebhook(host, "dashboard-" + i, "http://127.0.0.1:9/never-called-" + i));
            }
        }
        long t0 = System.nanoTime();
        long rows = fill(data.resolve("plugboard.db"), webhooks);
        System.out.printf("  (stored %,d minute rows for %,d deliveries in %.0f s)%n", rows, DELIVERIES,
                (System.nanoTime() - t0) / 1e9);
        try (Plugboard host = DeliveryBench.start(DeliverySettings.defaults(), data)) {
            HttpClient client = HttpClient.newHttpClient();
            String session = Backlog.login(client, host.baseUrl());
            for (String range : new String[] {"hour", "day", "week"}) {
                long[] times = time(client, session, host.baseUrl() + "/admin?range=" + range, 60);
                double p95 = Stats.percentileMs(times, 95);
                DeliveryBench.record("5d. dashboard, 1M deliveries in 7 days, range " + range,
                        String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms", Stats.percentileMs(times, 50), p95), "",
                        p95 <= 100 ? "met (p95 <= 100 ms)" : "MISSED (p95 <= 100 ms)");
            }
            String one = host.baseUrl() + "/admin/webhooks/" + webhooks.get(0) + "/activity?range=week";
            long[] times = time(client, session, one, 60);
            double p95 = Stats.percentileMs(times, 95);
            DeliveryBench.record("5e. one webhook's activity, range week", String.format(Locale.ROOT,
                    "p50 %.1f ms, p95 %.1f ms", Stats.percentileMs(times, 50), p95), "",
                    p95 <= 100 ? "met (p95 <= 100 ms)" : "MISSED (p95 <= 100 ms)");
        }
    }

    /** Every minute of the week, every webhook: about 5 attempts each, a few failing, latencies spread over buckets. */
    private static long fill(Path db, List<String> webhooks) throws Exception {
        long now = System.currentTimeMillis();
        long first = now - Math.floorMod(now, 60_000L) - (MINUTES - 1) * 60_000L;
        long perRow = DELIVERIES / ((long) MINUTES * webhooks.size());
        long rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=OFF");
            }
            c.setAutoCommit(false);
            try (PreparedStatement attempts = c.prepareStatement("INSERT INTO attempt_minutes (minute_at, webhook_id, "
                    + "succeeded, retried, failed, latency_03, latency_05, latency_07, latency_10) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement events = c.prepareStatement(
                         "INSERT INTO event_minutes (minute_at, event_type, emitted) VALUES (?, ?, ?)")) {
                for (int m = 0; m < MINUTES; m++) {
                    long minute = first + m * 60_000L;
                    for (int w = 0; w < webhooks.size(); w++) {
                        long ok = perRow + (m + w) % 3;
                        long retried = (m * 7 + w) % 13 == 0 ? 2 : 0;
                        long failed = (m + w * 5) % 97 == 0 ? 1 : 0;
                        long all = ok + retried + failed;
                        attempts.setLong(1, minute);
                        attempts.setString(2, webhooks.get(w));
                        attempts.setLong(3, ok);
                        attempts.setLong(4, retried);
                        attempts.setLong(5, failed);
                        attempts.setLong(6, all / 2);
                        attempts.setLong(7, all / 4);
                        attempts.setLong(8, all - all / 2 - all / 4 - (retried + failed > 0 ? 1 : 0));
                        attempts.setLong(9, retried + failed > 0 ? 1 : 0);
                        attempts.addBatch();
                        rows++;
                    }
                    for (String type : TYPES) {
                        events.setLong(1, minute);
                        events.setString(2, type);
                        events.setLong(3, perRow * webhooks.size() / TYPES.length);
                        events.addBatch();
                    }
                    if (m % 500 == 499) {
                        attempts.executeBatch();
                        events.executeBatch();
                    }
                }
                attempts.executeBatch();
                events.executeBatch();
            }
            // The per-hour tables the host writes with the minutes, summed from them here.
            try (Statement s = c.createStatement()) {
                String sums = "SUM(succeeded), SUM(retried), SUM(failed), SUM(latency_03), SUM(latency_05), "
                        + "SUM(latency_07), SUM(latency_10)";
                s.execute("INSERT INTO attempt_hours (hour_at, webhook_id, succeeded, retried, failed, latency_03, "
                        + "latency_05, latency_07, latency_10) SELECT minute_at - minute_at % 3600000, webhook_id, " + sums
                        + " FROM attempt_minutes GROUP BY minute_at - minute_at % 3600000, webhook_id");
                s.execute("INSERT INTO event_hours (hour_at, event_type, emitted) SELECT minute_at - minute_at % 3600000, "
                        + "event_type, SUM(emitted) FROM event_minutes GROUP BY minute_at - minute_at % 3600000, event_type");
            }
            c.commit();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                rs.next();
            }
        }
        return rows;
    }

    private static long[] time(HttpClient client, String session, String url, int n) throws Exception {
        long[] out = new long[n];
        for (int i = -10; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", session).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !r.body().contains("Deliveries per")) {
                throw new IllegalStateException(url + " answered " + r.statusCode());
            }
            if (i >= 0) {
                out[i] = System.nanoTime() - t0;
            }
        }
        return out;
    }
}
