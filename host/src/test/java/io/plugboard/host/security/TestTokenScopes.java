package io.plugboard.host.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PageField;
import io.plugboard.host.testing.TestDatabases;
import io.plugboard.host.testing.TestHost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Token scopes: admin does everything, read only reads the API, metrics only reads /metrics. */
class TestTokenScopes {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static HttpResponse<String> call(TestHost host, String token, String method, String path, String json,
                                             String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(host.host().baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(TestHost host, String scope) {
        Http.Response r = host.http().postJson("/api/v1/tokens", Http.json(Map.of("name", scope + " token", "scope", scope)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("token").get("scope").asText()).isEqualTo(scope);
        return r.json().get("value").asText();
    }

    @Test
    void eachScopeAllowsItsRequestsAndRefusesTheRestNamingTheMissingScope() throws Exception {
        try (TestHost host = TestHost.start()) {
            String webhook = "{\"name\":\"x\",\"url\":\"https://example.com/h\",\"events\":[\"ping\"]}";
            String read = token(host, "read");
            assertThat(call(host, read, "GET", "/api/v1/webhooks", null).statusCode()).isEqualTo(200);
            assertThat(call(host, read, "GET", "/api/v1/tokens", null).statusCode()).isEqualTo(200);
            HttpResponse<String> write = call(host, read, "POST", "/api/v1/webhooks", webhook);
            assertThat(write.statusCode()).isEqualTo(403);
            assertThat(write.body()).contains("this token's scope 'read' allows GET and HEAD under /api/v1")
                    .contains("needs the 'admin' scope").contains("\"missing_scope\":\"admin\"");
            assertThat(call(host, read, "POST", "/api/v1/webhooks", webhook, "X-HTTP-Method-Override", "GET").statusCode())
                    .as("a method override does not turn a write into a read").isEqualTo(403);
            assertThat(call(host, read, "POST", "/api/v1/tokens", "{\"name\":\"escalate\",\"scope\":\"admin\"}").statusCode())
                    .isEqualTo(403);
            HttpResponse<String> metricsByReader = call(host, read, "GET", "/metrics", null);
            assertThat(metricsByReader.statusCode()).isEqualTo(403);
            assertThat(metricsByReader.body()).contains("needs the 'metrics' scope");

            String metrics = token(host, "metrics");
            assertThat(call(host, metrics, "GET", "/metrics", null).statusCode()).isEqualTo(200);
            HttpResponse<String> api = call(host, metrics, "GET", "/api/v1/webhooks", null);
            assertThat(api.statusCode()).isEqualTo(403);
            assertThat(api.body()).contains("needs the 'read' scope (or 'admin')");

            String everything = token(host, "admin");
            assertThat(call(host, everything, "POST", "/api/v1/webhooks", webhook).statusCode()).isEqualTo(201);
            assertThat(call(host, everything, "GET", "/metrics", null).statusCode()).isEqualTo(200);
            assertThat(host.http().get("/api/v1/webhooks").json().get("total").asInt()).as("only the admin token wrote").isEqualTo(1);

            Http.Response unscoped = host.http().postJson("/api/v1/tokens", "{\"name\":\"no scope given\"}");
            assertThat(unscoped.json().get("token").get("scope").asText()).as("the default").isEqualTo("admin");
            Http.Response bad = host.http().postJson("/api/v1/tokens", "{\"name\":\"x\",\"scope\":\"root\"}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("details").get("scope").asText()).isEqualTo("scope must be one of admin, read, metrics");
            assertThat(host.http().postJson("/api/v1/tokens", "{\"name\":\"x\",\"scope\":7}").status()).isEqualTo(400);
        }
    }

    @Test
    void pathsAreJudgedAfterNormalisationAndRefusedInJson() throws Exception {
        try (TestHost host = TestHost.start()) {
            String read = token(host, "read");
            String metrics = token(host, "metrics");
            HttpResponse<String> byReader = call(host, read, "GET", "/metrics/", null);
            assertThat(byReader.statusCode()).as("a trailing slash is still /metrics").isEqualTo(403);
            assertThat(byReader.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
            assertThat(byReader.body()).contains("needs the 'metrics' scope");
            HttpResponse<String> byScraper = call(host, metrics, "GET", "/metrics/", null);
            assertThat(byScraper.statusCode()).isEqualTo(200);
            assertThat(byScraper.body()).contains("# TYPE");
            for (String path : List.of("/api", "/metrics//", "/api/v1/no-such-thing")) {
                HttpResponse<String> missing = call(host, read, "GET", path, null);
                assertThat(missing.statusCode()).as(path).isEqualTo(404);
                assertThat(missing.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/json");
            }
        }
    }

    @Test
    void theTokensPageCreatesATokenWithTheChosenScopeAndListsIt() {
        try (TestHost host = TestHost.start()) {
            HtmlPage page = HtmlPage.of(host.http().get("/admin/tokens"));
            assertThat(page.field("allowed to do").options()).extracting(PageField.Option::value).contains("read", "metrics");
            Http.Response created = host.http().postForm("/admin/tokens", List.of(Map.entry("name", "Prometheus"),
                    Map.entry("scope", "metrics")));
            assertThat(created.status()).isEqualTo(200);
            assertThat(created.body()).contains("(metrics)");
            JsonNode listed = host.http().get("/api/v1/tokens").json().get("data");
            assertThat(listed.findValuesAsText("scope")).contains("metrics");
            Http.Response bad = host.http().postForm("/admin/tokens", List.of(Map.entry("name", "x"), Map.entry("scope", "god")));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("scope must be one of admin, read, metrics");
        }
    }

    @Test
    void tokensMadeBeforeScopesExistedKeepDoingEverything() throws Exception {
        Path data = TestHost.tempDir("data");
        String url = TestDatabases.postgresMode() ? TestDatabases.schemaFor(data) : "jdbc:sqlite:" + data.resolve("plugboard.db");
        Flyway.configure().dataSource(url, null, null).locations("classpath:io/plugboard/host/migration").target("3")
                .load().migrate();
        String value = "pbk_" + "A".repeat(43);
        try (var c = DriverManager.getConnection(url); var s = c.prepareStatement("INSERT INTO api_tokens "
                + "(id, name, prefix, token_hash, created_at) VALUES ('tok_old', 'old', 'pbk_AAAA', ?, 0)")) {
            s.setString(1, sha256(value));
            s.executeUpdate();
        }
        try (TestHost host = TestHost.start(TestHost.tempDir("plugins"), data)) {
            assertThat(call(host, value, "POST", "/api/v1/webhooks",
                    "{\"name\":\"x\",\"url\":\"https://example.com/h\",\"events\":[\"ping\"]}").statusCode()).isEqualTo(201);
            assertThat(call(host, value, "GET", "/metrics", null).statusCode()).isEqualTo(200);
            assertThat(host.http().get("/api/v1/tokens").body()).contains("\"id\":\"tok_old\"").contains("\"scope\":\"admin\"");
        }
    }

    private static String sha256(String text) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }
}
