package io.plugboard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.Plugboard;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample site with the sample plugins' real jars, as the build leaves them in target/plugins. */
class TestSampleSite {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static final String ADMIN = "shopkeeper";
    private static final String PASSWORD = "sample site passphrase";
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    private static Path data;
    private static Plugboard site;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("sample-site-data");
        SiteOptions options = SiteOptions.parse(new String[] {"--port", "0", "--data-dir", data.toString(),
                "--admin-user", ADMIN, "--admin-password", PASSWORD}, Map.of());
        assertThat(options.pluginsDir()).endsWith(Path.of("target", "plugins"));
        site = SampleSite.start(options);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + path)).header("Authorization", BASIC).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return CLIENT.send(HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void loadsTheSamplePluginsWithAllTheirEventTypes() throws Exception {
        // The plugins' types; the host's own operational types (owner plugboard) are tested in the host.
        List<JsonNode> types = new java.util.ArrayList<>();
        MAPPER.readTree(get("/api/v1/event-types").body()).get("data").forEach(t -> {
            if (!t.get("plugin_id").asText().equals("plugboard")) {
                types.add(t);
            }
        });
        Map<String, String> pluginByKey = new java.util.HashMap<>();
        types.forEach(t -> pluginByKey.put(t.get("key").asText(), t.get("plugin_id").asText()));
        assertThat(pluginByKey).containsExactlyInAnyOrderEntriesOf(Map.of(
                "payment_received", "payments", "payment_failed", "payments", "payment_refunded", "payments",
                "account_created", "accounts", "account_updated", "accounts", "account_deleted", "accounts",
                "alert_firing", "alertmanager-receiver", "alert_resolved", "alertmanager-receiver",
                "json_received", "generic-json-receiver"));
        types.forEach(t -> {
            assertThat(t.get("schema").isObject()).as(t.get("key") + " has a schema").isTrue();
            assertThat(t.get("sample").size()).as(t.get("key") + " has a realistic sample").isGreaterThan(3);
        });
        JsonNode plugins = MAPPER.readTree(get("/api/v1/plugins").body());
        for (JsonNode p : plugins.get("data")) {
            assertThat(p.get("state").asText()).isEqualTo("active");
            assertThat(p.get("warnings")).as("every sample matches its schema").isEmpty();
        }
    }

    @Test
    void theDemoCheckoutEmitsAPaymentReceivedEvent() throws Exception {
        HttpResponse<String> page = postForm("/demo/checkout",
                Map.of("name", "Ada <b>Lovelace</b>", "email", "ada@example.com", "amount", "19.9"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("payment of 19.90 EUR was received").contains("(payment_received) was emitted");
        String id = page.body().replaceAll("(?s).*Event (evt_[0-9A-Z]+) .*", "$1");
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("plugboard.db"));
             var st = db.prepareStatement("SELECT type, source, data FROM events WHERE id = ?")) {
            st.setString(1, id);
            ResultSet rs = st.executeQuery();
            assertThat(rs.next()).as("event " + id + " is stored").isTrue();
            assertThat(rs.getString("type")).isEqualTo("payment_received");
            assertThat(rs.getString("source")).isEqualTo("app");
            JsonNode data = MAPPER.readTree(rs.getString("data"));
            assertThat(data.get("amount").asText()).isEqualTo("19.90");
            assertThat(data.get("customer").get("name").asText()).isEqualTo("Ada <b>Lovelace</b>");
        }
    }

    @Test
    void theDemoSignupEmitsAnAccountCreatedEvent() throws Exception {
        HttpResponse<String> page = postForm("/demo/signup", Map.of("name", "Grace", "email", "grace@example.com"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("(account_created) was emitted");
    }

    @Test
    void badDemoInputIsA400WithTheReasonEscaped() throws Exception {
        HttpResponse<String> amount = postForm("/demo/checkout",
                Map.of("name", "X", "email", "x@example.com", "amount", "lots"));
        assertThat(amount.statusCode()).isEqualTo(400);
        assertThat(amount.body()).contains("The amount must be a number");

        HttpResponse<String> email = postForm("/demo/checkout",
                Map.of("name", "X", "email", "<script>alert(1)</script>", "amount", "1"));
        assertThat(email.statusCode()).isEqualTo(400);
        assertThat(email.body()).contains("does not match the schema of &#39;payment_received&#39;")
                .contains("$.customer.email").doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void theDemoPageIsPublicAndTheAdminAsksForALogin() throws Exception {
        assertThat(get("/").body()).contains("Checkout").contains("action=\"/demo/checkout\"");
        HttpResponse<String> admin = get("/admin/events");
        assertThat(admin.statusCode()).isEqualTo(302);
        assertThat(admin.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/admin/login"));
        assertThat(get("/admin/login").body()).contains("Sample Shop").contains("Log in");
        String catalog = get("/api/v1/event-types").body();
        for (String key : List.of("payment_received", "payment_failed", "payment_refunded",
                "account_created", "account_updated", "account_deleted")) {
            assertThat(catalog).contains("\"key\":\"" + key + "\"");
        }
    }

    @Test
    void theDemoPageRunsUnderTheStrictSecurityHeadersWithNothingInline() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.body()).doesNotContain("style=").doesNotContain("<style").doesNotContain("<script")
                .contains("href=\"/shop/shop.css\"");
        HttpResponse<String> css = get("/shop/shop.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains(".shop-main");
        assertThat(css.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
}
