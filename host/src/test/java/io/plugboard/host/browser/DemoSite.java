package io.plugboard.host.browser;

import io.plugboard.host.destinations.FolderDestinationPlugin;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test host with something on every admin page: webhooks (one with a long name and URL) and their
 * deliveries, an inbound webhook with an event received and an error, an inspector inbox that got a
 * webhook's signed test event, a secret, and two plugins (the generic JSON receiver and {@link RefundsPlugin}, with its
 * settings and its own page). {@link #pages()} names every page there is to look at.
 */
final class DemoSite {

    static final String LONG_URL = "https://hooks.example.com/a/very/long/path/that/does/not/fit/in/a/table/cell"
            + "?with=query&and=more&parameters=that-go-on-and-on";

    /** Where the host's build copies the receiver plugins (see host/pom.xml). */
    private static final Path RECEIVERS = Path.of("target", "receiver-plugins");

    private final Map<String, String> pages = new LinkedHashMap<>();

    private DemoSite() {}

    /** Fills {@code host}, started on {@link #pluginsFolder()}, delivering to {@code receiver}. */
    static DemoSite fill(TestHost host, Receiver receiver) throws InterruptedException {
        DemoSite site = new DemoSite();
        Http http = host.http();
        String orders = host.createWebhook("Orders to the warehouse", receiver.url("/orders"), "order_placed", "ping")
                .get("id").asText();
        String longOne = host.createWebhook("A webhook with a rather long name that has to be truncated in the table",
                LONG_URL, "ping").get("id").asText();
        http.postJson("/api/v1/webhooks/" + orders + "/test", "{}");
        http.postJson("/api/v1/events", "{\"type\":\"order_placed\",\"data\":{\"order_id\":\"ord_2\",\"total\":\"99.00\"}}");
        receiver.awaitCount(2, Duration.ofSeconds(20));
        String delivery = http.get("/api/v1/webhooks/" + orders + "/deliveries").json().get("data").get(0).get("id").asText();

        // A replay that matches nothing (no 418 was answered): its progress page, with nothing queued again.
        String replay = http.postJson("/api/v1/deliveries/replay", "{\"status\":\"any\",\"response_status\":\"418\"}")
                .json().get("id").asText();
        String inbound = inbound(http);
        String inbox = http.postJson("/api/v1/inspector", "{\"label\":\"Slack template try-out\"}").json().get("id").asText();
        String inspected = inspectedWebhook(host, inbox);
        http.postJson("/api/v1/secrets", Http.json(Map.of("name", "SLACK_TOKEN", "value", "xoxb-not-a-real-token")));

        history(host, orders, longOne);
        String acme = http.postJson("/api/v1/apps", Http.json(Map.of("uid", "acme", "name", "Acme Inc.",
                "allowed_event_types", List.of("order_placed")))).json().get("id").asText();

        Map<String, String> p = site.pages;
        p.put("dashboard", "/admin");
        p.put("dashboard-week", "/admin?range=week");
        p.put("webhooks", "/admin/webhooks");
        p.put("webhook-activity", "/admin/webhooks/" + orders + "/activity");
        p.put("webhook-where", "/admin/webhooks/new");
        p.put("webhook-new", "/admin/webhooks/new?destination=http");
        p.put("webhook-new-folder", "/admin/webhooks/new?destination=folder");
        p.put("webhook-edit", "/admin/webhooks/" + orders + "/edit");
        p.put("webhook-console", "/admin/webhooks/" + orders + "/console");
        p.put("webhook-delete", "/admin/webhooks/" + longOne + "/delete");
        p.put("applications", "/admin/applications");
        p.put("application-new", "/admin/applications/new");
        p.put("application-edit", "/admin/applications/" + acme + "/edit");
        p.put("application-delete", "/admin/applications/" + acme + "/delete");
        p.put("events", "/admin/events");
        p.put("deliveries", "/admin/deliveries");
        p.put("webhook-deliveries", "/admin/webhooks/" + orders + "/deliveries");
        p.put("delivery", "/admin/deliveries/" + delivery);
        p.put("deliveries-replay", "/admin/deliveries/replay?status=any&webhook=" + orders);
        p.put("replay-progress", "/admin/deliveries/replay/" + replay);
        p.put("inbound", "/admin/inbound");
        p.put("inbound-new", "/admin/inbound/new");
        p.put("inbound-new-generic-json", "/admin/inbound/new?receiver=generic-json");
        p.put("inbound-guide", "/admin/inbound/receivers/generic-json/guide");
        p.put("inbound-detail", "/admin/inbound/" + inbound);
        p.put("inbound-delete", "/admin/inbound/" + inbound + "/delete");
        p.put("received-events", "/admin/received-events");
        p.put("inspector", "/admin/inspector");
        p.put("inspector-inbox", "/admin/inspector/" + inbox + "?webhook=" + inspected);
        p.put("plugins", "/admin/plugins");
        p.put("plugin-settings", "/admin/plugins/" + RefundsPlugin.ID + "/settings");
        p.put("plugin-page", "/admin/plugins/" + RefundsPlugin.ID + "/notes");
        p.put("plugin-uninstall", "/admin/plugins/" + RefundsPlugin.ID + "/uninstall");
        p.put("secrets", "/admin/secrets");
        p.put("settings", "/admin/settings");
        p.put("api", "/admin/tokens");
        p.put("admins", "/admin/admins");
        p.put("account", "/admin/account");
        return site;
    }

    /**
     * The last hour of the dashboard's per-minute counts, written straight into its tables (as the
     * bench does for a long history), so its charts have something to show beside the real deliveries.
     */
    private static void history(TestHost host, String busy, String failing) {
        long now = System.currentTimeMillis();
        long minute = now - Math.floorMod(now, 60_000L) - 59 * 60_000L;
        try (Connection c = host.connection();
             PreparedStatement attempts = c.prepareStatement("INSERT INTO attempt_minutes (minute_at, webhook_id, "
                     + "succeeded, retried, failed, latency_04, latency_05, latency_06, latency_08, latency_11) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (minute_at, webhook_id) DO NOTHING");
             PreparedStatement events = c.prepareStatement("INSERT INTO event_minutes (minute_at, event_type, emitted) "
                     + "VALUES (?, ?, ?) ON CONFLICT (minute_at, event_type) DO NOTHING")) {
            for (int i = 0; i < 59; i++, minute += 60_000L) {
                int ok = 20 + (int) (12 * Math.sin(i / 6.0)) + i % 5;
                int failed = i >= 38 && i < 46 ? 6 + i % 3 : i % 11 == 0 ? 1 : 0;
                attempts.setLong(1, minute);
                attempts.setString(2, busy);
                long[] row = {ok, failed, i == 45 ? 2 : 0, ok / 2, ok / 3, ok - ok / 2 - ok / 3, failed, i % 9 == 0 ? 1 : 0};
                for (int k = 0; k < row.length; k++) {
                    attempts.setLong(3 + k, row[k]);
                }
                attempts.addBatch();
                if (i % 4 == 0) {
                    attempts.setString(2, failing);
                    long[] few = {1, i % 8 == 0 ? 1 : 0, 0, 0, 1, 0, 1, 0};
                    for (int k = 0; k < few.length; k++) {
                        attempts.setLong(3 + k, few[k]);
                    }
                    attempts.addBatch();
                }
                events.setLong(1, minute);
                events.setString(2, "order_placed");
                events.setLong(3, ok);
                events.addBatch();
                events.setLong(1, minute);
                events.setString(2, "ping");
                events.setLong(3, i % 3);
                events.addBatch();
            }
            attempts.executeBatch();
            events.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A webhook delivering to the inspector's inbox, which got its test event; @return its id */
    private static String inspectedWebhook(TestHost host, String inbox) throws InterruptedException {
        Http http = host.http();
        String url = http.get("/api/v1/inspector").json().get("data").get(0).get("loopback_url").asText();
        String id = host.createWebhook("Try-out in the inspector", url, "order_placed").get("id").asText();
        http.postJson("/api/v1/webhooks/" + id + "/test", "{}");
        Await.until("the test event in the inbox",
                () -> !http.get("/api/v1/inspector/" + inbox + "/requests").json().get("data").isEmpty());
        return id;
    }

    /** An inbound webhook (generic JSON) that received one event and refused one body. */
    private static String inbound(Http http) {
        Http.Response created = http.postJson("/api/v1/inbound-webhooks", Http.json(Map.of("name", "Legacy shop orders",
                "receiver", "generic-json", "settings", Map.of("event_type", "order_placed",
                        "mappings", "{\"order_id\": \"/id\", \"total\": \"/total\"}"))));
        if (created.status() != 201) {
            throw new AssertionError("could not create the inbound webhook: " + created.body());
        }
        Http sender = new Http(created.json().get("url").asText());
        sender.postJson("", "{\"id\":\"ord_7\",\"total\":\"20.00\"}");
        sender.postJson("", "{not json");
        return created.json().get("id").asText();
    }

    /** @return a plugins folder with the generic JSON receiver, {@link RefundsPlugin} and a destination with a format */
    static Path pluginsFolder() {
        Path dir = TestHost.tempDir("plugins");
        Path receiver = RECEIVERS.resolve("generic-json-receiver.jar");
        if (!Files.isRegularFile(receiver)) {
            throw new AssertionError(receiver.toAbsolutePath() + " is missing: run the build through Maven (mvn verify)");
        }
        try {
            Files.copy(receiver, dir.resolve(receiver.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RefundsPlugin.jar().writeTo(dir);
        FolderDestinationPlugin.jar().writeTo(dir);
        return dir;
    }

    /** @return every page, by a short name, in menu order */
    Map<String, String> pages() {
        return pages;
    }
}
