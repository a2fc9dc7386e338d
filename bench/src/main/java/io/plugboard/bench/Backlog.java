package io.plugboard.bench;

import io.plugboard.host.DeliverySettings;
import io.plugboard.host.Plugboard;
import java.lang.management.ManagementFactory;
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
import java.util.List;
import java.util.Locale;

/**
 * A host with a million stored deliveries: heap used once it is up, and how fast the admin's
 * deliveries page answers (first page, and a page half-way down through the keyset cursor).
 */
final class Backlog {

    static final int ROWS = 1_000_000;

    /** The admin session cookie the page requests carry. */
    private static String session;

    private Backlog() {}

    static void run(List<String[]> results) throws Exception {
        Path data = Files.createTempDirectory("bench-backlog");
        String webhook;
        try (Plugboard host = DeliveryBench.start(DeliverySettings.defaults(), data)) {
            webhook = DeliveryBench.createWebhook(host, "backlog", "http://127.0.0.1:9/never-called");
        }
        long t0 = System.nanoTime();
        String middle = fill(data.resolve("plugboard.db"), webhook);
        System.out.printf("  (stored %,d events and deliveries in %.0f s)%n", ROWS, (System.nanoTime() - t0) / 1e9);
        try (Plugboard host = DeliveryBench.start(DeliverySettings.defaults(), data)) {
            HttpClient client = HttpClient.newHttpClient();
            session = login(client, host.baseUrl());
            String first = host.baseUrl() + "/admin/webhooks/" + webhook + "/deliveries";
            String deep = first + "?before=" + middle;
            long[] firstPage = time(client, first, 60);
            long[] deepPage = time(client, deep, 60);
            long heap = heapAfterGc();
            double p95 = Stats.percentileMs(firstPage, 95);
            double p95deep = Stats.percentileMs(deepPage, 95);
            DeliveryBench.record("5a. heap used, 1M deliveries stored", String.format(Locale.ROOT, "%d MB",
                    heap / (1024 * 1024)), "", heap <= 256L * 1024 * 1024 ? "met (<= 256 MB)" : "MISSED (<= 256 MB)");
            DeliveryBench.record("5b. deliveries page, newest", String.format(Locale.ROOT, "p95 %.1f ms", p95), "",
                    p95 <= 50 ? "met (p95 <= 50 ms)" : "MISSED (p95 <= 50 ms)");
            DeliveryBench.record("5c. deliveries page, 500,000 rows down", String.format(Locale.ROOT, "p95 %.1f ms", p95deep),
                    "", p95deep <= 50 ? "met (p95 <= 50 ms)" : "MISSED (p95 <= 50 ms)");
        }
    }

    /** Writes the rows straight into the database, as a long-running site would have accumulated them. */
    private static String fill(Path db, String webhook) throws Exception {
        String middle = null;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=OFF");
            }
            c.setAutoCommit(false);
            long base = System.currentTimeMillis() - ROWS;
            try (PreparedStatement event = c.prepareStatement(
                    "INSERT INTO events (id, type, data, source, created_at) VALUES (?, 'bench', ?, 'app', ?)");
                 PreparedStatement delivery = c.prepareStatement("INSERT INTO deliveries (id, event_id, webhook_id, "
                         + "status, attempts, created_at, updated_at, last_status) VALUES (?, ?, ?, 'succeeded', 1, ?, ?, 200)")) {
                for (int i = 0; i < ROWS; i++) {
                    String eventId = String.format("evt_bench%017d", i);
                    String deliveryId = String.format("dlv_bench%017d", i);
                    event.setString(1, eventId);
                    event.setString(2, DeliveryBench.SAMPLE);
                    event.setLong(3, base + i);
                    event.addBatch();
                    delivery.setString(1, deliveryId);
                    delivery.setString(2, eventId);
                    delivery.setString(3, webhook);
                    delivery.setLong(4, base + i);
                    delivery.setLong(5, base + i);
                    delivery.addBatch();
                    if (i == ROWS / 2) {
                        middle = deliveryId;
                    }
                    if (i % 10_000 == 9_999) {
                        event.executeBatch();
                        delivery.executeBatch();
                    }
                }
                event.executeBatch();
                delivery.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                rs.next();
            }
        }
        return middle;
    }

    /** Logs in through the admin's login form, as a browser would; returns the session cookie. */
    static String login(HttpClient client, String base) throws Exception {
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base + "/admin/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String pre = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("plugboard_login_csrf="))
                .map(c -> c.substring("plugboard_login_csrf=".length(), c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/admin/login"))
                .header("Cookie", "plugboard_login_csrf=" + pre)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + pre + "&username=bench&password=benchmark+passphrase"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("plugboard_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("login failed: " + r.statusCode()));
    }

    private static long[] time(HttpClient client, String url, int n) throws Exception {
        long[] out = new long[n];
        for (int i = 0; i < 10; i++) {
            get(client, url);
        }
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            get(client, url);
            out[i] = System.nanoTime() - t0;
        }
        return out;
    }

    private static void get(HttpClient client, String url) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", session).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("succeeded")) {
            throw new IllegalStateException("deliveries page answered " + r.statusCode());
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
