package io.plugboard.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A viewer sees every admin page and every GET of the API, and every change is refused with 403 and
 * changes nothing. The routes come from the running host ({@link Plugboard#routes()}), so a write
 * route added later is checked without anyone remembering to list it here.
 */
class TestViewerRole {

    private static final String VIEWER = "vera";
    private static final String PASSWORD = "a viewer's long password";
    /** Changes a viewer may make: their own session and password. */
    private static final Set<String> VIEWER_MAY = Set.of("POST /admin/logout", "POST /admin/account/password");
    /** Not behind the login: the login and setup forms, a receiver's and the inspector's public endpoints. */
    private static final Pattern PUBLIC = Pattern.compile("(GET|POST) /admin/(login|setup)|\\w+ /(hooks|inspect)/.*|GET /health|GET /api/v1/openapi.json");
    /** Rows that change by themselves (heartbeats, leases, the sessions' idle clocks), left out of the snapshot. */
    private static final Set<String> MOVING_TABLES = Set.of("admin_sessions", "instances", "instance_plugins", "job_leases");
    private static final Set<String> MOVING_COLUMNS = Set.of("last_used_at", "last_seen_at");
    private static final Pattern PARAM = Pattern.compile("\\{([a-z_]+)}|<([a-z_]+)>");

    private static TestHost host;
    private static Receiver receiver;
    private static Http viewerPages;
    private static String viewerBasic;
    private static final Map<String, String> REAL = new TreeMap<>();

    @BeforeAll
    static void start() {
        receiver = new Receiver();
        host = TestHost.start();
        Http admin = host.http();
        String webhook = host.createWebhook("orders", receiver.url("/hook"), "order_placed").get("id").asText();
        String delivery = firstDelivery(webhook);
        assertThat(admin.postJson("/api/v1/secrets", Http.json(Map.of("name", "API_KEY", "value", "s3cret"))).status()).isEqualTo(201);
        String inbox = admin.postJson("/api/v1/inspector", "{\"label\":\"try-out\"}").json().get("id").asText();
        String token = admin.postJson("/api/v1/tokens", "{\"name\":\"ci\",\"scope\":\"read\"}").json().path("token").path("id").asText();
        assertThat(admin.postJson("/api/v1/admins", Http.json(Map.of("username", "other", "password", PASSWORD))).status()).isEqualTo(201);
        Http.Response viewer = admin.postJson("/api/v1/admins", Http.json(Map.of("username", VIEWER, "password", PASSWORD,
                "role", "viewer")));
        assertThat(viewer.status()).as(viewer.body()).isEqualTo(201);
        assertThat(viewer.json().path("role").asText()).isEqualTo("viewer");
        REAL.putAll(Map.of("webhooks", webhook, "deliveries", delivery, "secrets", "API_KEY", "inspector", inbox,
                "tokens", token, "admins", "other", "event-types", "order_placed", "events", "order_placed",
                "applications", "default"));
        viewerPages = new Http(host.host().baseUrl());
        viewerPages.login(VIEWER, PASSWORD);
        viewerBasic = "Basic " + Base64.getEncoder().encodeToString((VIEWER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static String firstDelivery(String webhook) {
        host.host().events().emit("order_placed", Map.of("order_id", "o-1", "total", "9.99"));
        // Waits for the delivery to finish, so nothing moves while the snapshots are compared.
        return Await.value("the delivery succeeded", () -> host.http().get("/api/v1/webhooks/" + webhook + "/deliveries").json()
                .path("data").path(0), d -> d.path("status").asText().equals("succeeded")).path("id").asText();
    }

    @AfterAll
    static void stop() {
        host.close();
        receiver.close();
    }

    @Test
    void everyChangeAViewerTriesIsRefusedAndChangesNothing() throws SQLException {
        List<String> writes = routes().stream().filter(r -> !r.startsWith("GET ") && !VIEWER_MAY.contains(r)).toList();
        assertThat(writes).as("the host's write routes (sanity)").contains("POST /admin/webhooks/{id}/toggle",
                "DELETE /api/v1/webhooks/{id}", "PATCH /api/v1/webhooks/{id}", "PUT /api/v1/plugins/{plugin_id}/settings",
                "POST /admin/plugins/upload", "POST /api/v1/tokens");
        Map<String, List<String>> before = snapshot();

        SoftAssertions soft = new SoftAssertions();
        for (String route : writes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = fill(route.substring(route.indexOf(' ') + 1)).path();
            Http.Response r = path.startsWith("/admin")
                    ? send(method, path, Map.of("Cookie", viewerPages.sessionCookieHeader(), "X-CSRF-Token", viewerPages.csrfToken(),
                            "Content-Type", "application/x-www-form-urlencoded"), "_csrf=" + viewerPages.csrfToken())
                    : send(method, path, Map.of("Authorization", viewerBasic, "Content-Type", "application/json"),
                            method.equals("DELETE") ? null : "{}");
            soft.assertThat(r.status()).as(route + " → " + r.body()).isEqualTo(403);
            soft.assertThat(r.body()).as(route + " says why").contains("viewer");
        }
        soft.assertAll();
        assertThat(snapshot()).as("the database after every refused change").isEqualTo(before);
    }

    @Test
    void aViewerSeesEveryAdminPageAndEveryGetOfTheApi() {
        List<String> reads = routes().stream().filter(r -> r.startsWith("GET ")).toList();
        assertThat(reads).as("sanity").contains("GET /admin/webhooks", "GET /api/v1/webhooks/{id}", "GET /metrics");

        SoftAssertions soft = new SoftAssertions();
        for (String route : reads) {
            Filled filled = fill(route.substring(4));
            Http.Response r = filled.path().startsWith("/admin") ? viewerPages.get(filled.path())
                    : send("GET", filled.path(), Map.of("Authorization", viewerBasic), null);
            if (filled.complete()) {
                soft.assertThat(r.status()).as(route + " → " + filled.path()).isEqualTo(200);
            } else {
                // No plugin or inbound webhook exists here to show: the access check let the viewer through.
                soft.assertThat(r.status()).as(route + " → " + filled.path() + ": " + r.body()).isEqualTo(404);
            }
        }
        soft.assertAll();
    }

    @Test
    void aViewerIsToldOnEveryPageAndOffersNoChange() {
        Http.Response page = viewerPages.get("/admin/webhooks");

        HtmlPage shown = HtmlPage.of(page);
        assertThat(shown.text()).contains("signed in as a viewer");
        assertThat(shown.element("body").hasClass("read-only")).as("the style sheet hides what would change something").isTrue();
        assertThat(host.http().get("/admin/webhooks").body()).doesNotContain("signed in as a viewer");
    }

    @Test
    void aViewerMayStillLogOut() {
        Http mine = new Http(host.host().baseUrl());
        mine.login(VIEWER, PASSWORD);

        Http.Response out = mine.postForm("/admin/logout", List.of());

        assertThat(out.status()).isEqualTo(302);
        assertThat(mine.get("/admin/webhooks").status()).as("the session ended").isEqualTo(302);
    }

    @Test
    void theLastAdminCannotBeDeletedWhileOnlyViewersWouldRemain() {
        try (TestHost alone = TestHost.start()) {
            alone.http().postJson("/api/v1/admins", Http.json(Map.of("username", VIEWER, "password", PASSWORD, "role", "viewer")));

            Http.Response last = alone.http().delete("/api/v1/admins/" + TestHost.ADMIN);
            Http.Response badRole = alone.http().postJson("/api/v1/admins", Http.json(Map.of("username", "x", "password", PASSWORD,
                    "role", "owner")));

            assertThat(last.status()).as(last.body()).isEqualTo(409);
            assertThat(badRole.status()).isEqualTo(400);
            assertThat(badRole.body()).contains("role must be admin or viewer");
            assertThat(alone.http().delete("/api/v1/admins/" + VIEWER).status()).isEqualTo(204);
        }
    }

    private static List<String> routes() {
        return host.host().routes().stream().distinct()
                .filter(r -> r.contains(" /admin") || r.contains(" /api/") || r.endsWith(" /metrics"))
                .filter(r -> !PUBLIC.matcher(r).matches())
                .sorted().toList();
    }

    record Filled(String path, boolean complete) {}

    /** Each path parameter gets the id of a real thing of the kind the segment before it names. */
    private static Filled fill(String template) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        boolean complete = true;
        while (m.find()) {
            String before = template.substring(0, m.start());
            String[] segments = before.split("/");
            String kind = segments.length == 0 ? "" : segments[segments.length - 1];
            String value = REAL.get(kind);
            if (value == null) {
                complete = false;
                value = "x";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return new Filled(out.toString(), complete);
    }

    /** Every row of every table but those that move by themselves, as text, per table. */
    private static Map<String, List<String>> snapshot() throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = host.connection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> names = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, host.onPostgres() ? c.getSchema() : null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : names) {
                if (MOVING_TABLES.contains(table.toLowerCase()) || table.startsWith("sqlite_")) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            if (!MOVING_COLUMNS.contains(columns.getColumnName(i).toLowerCase())) {
                                row.append(columns.getColumnName(i)).append('=').append(rs.getString(i)).append(' ');
                            }
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(table, rows);
            }
        }
        return tables;
    }

    private static Http.Response send(String method, String path, Map<String, String> headers, String body) {
        return Http.exchange(host.host().baseUrl(), method, path, headers, body);
    }
}
