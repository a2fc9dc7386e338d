package io.plugboard.host.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.internal.common.Ids;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin's tables with thousands of rows: each page shows one page of rows, every page is reachable
 * by its links, and keyset paging through the delivery log meets every delivery exactly once.
 * Render times are printed for the record, never asserted.
 */
class TestAdminPaging {

    private static final int WEBHOOKS = 2_500;
    private static final int EVENTS = 3_000;
    private static final Pattern WEBHOOK_ROW = Pattern.compile("<tr id=\"row-(wh_[0-9A-Z]+)\">");
    private static final Pattern DELIVERY_ROW = Pattern.compile("redeliver\" hx-post=\"/admin/deliveries/(dlv_[0-9A-Z]+)/");
    private static final Pattern OLDER = Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\">Older");

    private static TestHost host;
    private static Receiver receiver;
    private static Http http;
    private static String busy;

    @BeforeAll
    static void seed() throws Exception {
        host = TestHost.start();
        receiver = new Receiver();
        http = host.http();
        busy = host.createWebhook("Busy", receiver.url("/busy"), "ping").get("id").asText();
        long start = System.nanoTime();
        copyWebhook(host.createWebhook(name(1), url(1), "order_placed").get("id").asText());
        System.out.printf("TestAdminPaging: %d webhooks created in %d ms%n", WEBHOOKS,
                (System.nanoTime() - start) / 1_000_000);
        start = System.nanoTime();
        emitPings();
        System.out.printf("TestAdminPaging: %d events emitted in %d ms%n", EVENTS, (System.nanoTime() - start) / 1_000_000);
        // The log lists deliveries whatever their state; a few finished ones are enough for the filter.
        receiver.awaitCount(60, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        receiver.close();
        host.close();
    }

    @Test
    void theWebhooksListShowsFiftyRowsAPageAndLinksToEveryPage() {
        String first = timed("/admin/webhooks");
        assertThat(count(WEBHOOK_ROW, first)).isEqualTo(50);
        assertThat(first).contains(WEBHOOKS + " webhook(s)").contains("Page 1 of 50")
                .contains("href=\"/admin/webhooks?page&#x3D;2\" rel=\"next\"")
                .contains("href=\"/admin/webhooks?page&#x3D;50\"")
                .doesNotContain("href=\"/admin/webhooks?page&#x3D;10\"");
        // Long names and URLs are cut short, with the whole value on hover.
        assertThat(first).containsPattern("class=\"truncate\" title=\"Webhook \\d{4} with a name long enough[^\"]*\">")
                .containsPattern("class=\"truncate url\" title=\"http://127\\.0\\.0\\.1:\\d+/w/\\d+/a/long/path[^\"]*\">");

        Set<String> seen = new HashSet<>();
        for (int page = 1; page <= 50; page++) {
            String body = page == 25 ? timed("/admin/webhooks?page=25") : page("/admin/webhooks?page=" + page);
            Matcher m = WEBHOOK_ROW.matcher(body);
            while (m.find()) {
                assertThat(seen.add(m.group(1))).as("webhook %s shown twice", m.group(1)).isTrue();
            }
        }
        assertThat(seen).hasSize(WEBHOOKS);

        String last = page("/admin/webhooks?page=50");
        assertThat(last).contains("Page 50 of 50").contains("aria-current=\"page\" class=\"current\"")
                .doesNotContain("rel=\"next\"");
        assertThat(page("/admin/webhooks?page=51")).contains("There is no such page.");
        assertThat(page("/admin/webhooks?page=x")).contains("Page 1 of 50");
        assertThat(page("/admin/webhooks?page=99999999999")).contains("Page 1 of 50");
        String search = page("/admin/webhooks?q=Webhook+01");
        assertThat(search).contains("100 webhook(s) matching").contains("Page 1 of 2")
                .contains("href=\"/admin/webhooks?q&#x3D;Webhook+01&amp;page&#x3D;2\"");
    }

    @Test
    void theDeliveryLogsPageByKeysetThroughEveryDelivery() {
        for (String log : new String[] {"/admin/deliveries", "/admin/webhooks/" + busy + "/deliveries"}) {
            Set<String> seen = new HashSet<>();
            String next = log;
            for (int pages = 0; next != null && pages < EVENTS; pages++) {
                String body = pages == 30 ? timed(next) : page(next);
                int rows = 0;
                Matcher m = DELIVERY_ROW.matcher(body);
                while (m.find()) {
                    rows++;
                    assertThat(seen.add(m.group(1))).as("delivery %s shown twice", m.group(1)).isTrue();
                }
                assertThat(rows).isBetween(1, 50);
                Matcher older = OLDER.matcher(body);
                // Handlebars escapes = and & in attributes, as it should; a browser decodes them.
                next = older.find() ? older.group(1).replace("&amp;", "&").replace("&#x3D;", "=") : null;
            }
            assertThat(seen).as(log).hasSize(EVENTS);
        }
        String succeeded = page("/admin/deliveries?status=succeeded");
        assertThat(count(DELIVERY_ROW, succeeded)).isEqualTo(50);
        assertThat(succeeded).doesNotContain("badge pending").doesNotContain("badge failed");
        assertThat(page("/admin/deliveries?status=failed")).contains("No deliveries with status failed yet.");
    }

    private static String page(String path) {
        Http.Response r = http.get(path);
        assertThat(r.status()).as(path).isEqualTo(200);
        return r.body();
    }

    private static String timed(String path) {
        long start = System.nanoTime();
        String body = page(path);
        System.out.printf("TestAdminPaging: GET %s took %d ms%n", path, (System.nanoTime() - start) / 1_000_000);
        return body;
    }

    private static int count(Pattern p, String body) {
        Matcher m = p.matcher(body);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String name(int i) {
        return String.format("Webhook %04d with a name long enough to be cut short in the table", i);
    }

    private static String url(int i) {
        return receiver.url("/w/" + i + "/a/long/path/that/will/not/fit/in/its/column");
    }

    /**
     * The other webhooks as copies of one the API made (with their own id, name, URL and time), written in
     * one transaction: the pages only read rows, and 2,500 API calls took a minute of the suite.
     */
    private static void copyWebhook(String original) throws Exception {
        Ids ids = new Ids(Clock.systemUTC());
        List<String> changed = List.of("id", "name", "url", "created_at", "updated_at");
        try (Connection c = host.connection()) {
            List<String> columns = new ArrayList<>();
            try (ResultSet none = c.createStatement().executeQuery("SELECT * FROM webhooks WHERE 1 = 0")) {
                for (int i = 1; i <= none.getMetaData().getColumnCount(); i++) {
                    columns.add(none.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
                }
            }
            List<String> bound = columns.stream().filter(changed::contains).toList();
            String copy = "INSERT INTO webhooks (" + String.join(", ", columns) + ") SELECT "
                    + columns.stream().map(col -> changed.contains(col) ? "?" : col).collect(Collectors.joining(", "))
                    + " FROM webhooks WHERE id = ?";
            c.setAutoCommit(false);
            try (PreparedStatement webhook = c.prepareStatement(copy);
                 PreparedStatement events = c.prepareStatement(
                         "INSERT INTO webhook_events (webhook_id, event_type, position) VALUES (?, 'order_placed', 0)")) {
                long now = System.currentTimeMillis();
                for (int i = 2; i < WEBHOOKS; i++) {
                    String id = ids.next("wh");
                    for (int n = 0; n < bound.size(); n++) {
                        switch (bound.get(n)) {
                            case "id" -> webhook.setString(n + 1, id);
                            case "name" -> webhook.setString(n + 1, name(i));
                            case "url" -> webhook.setString(n + 1, url(i));
                            default -> webhook.setLong(n + 1, now + i);
                        }
                    }
                    webhook.setString(bound.size() + 1, original);
                    webhook.addBatch();
                    events.setString(1, id);
                    events.addBatch();
                }
                webhook.executeBatch();
                events.executeBatch();
            }
            c.commit();
        }
    }

    /** The pings in one transaction, as an embedder's batch would emit them: one commit instead of 3,000. */
    private static void emitPings() throws Exception {
        try (Connection c = host.connection()) {
            if (!host.onPostgres()) {
                c.createStatement().execute("PRAGMA busy_timeout = 10000");
            }
            c.setAutoCommit(false);
            for (int i = 0; i < EVENTS; i++) {
                host.host().emitInTransaction(c, "ping", Map.of("n", i));
            }
            c.commit();
        }
    }
}
