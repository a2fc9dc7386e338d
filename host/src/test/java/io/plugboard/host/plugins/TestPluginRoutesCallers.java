package io.plugboard.host.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.PluginJar;
import io.plugboard.host.testing.TestHost;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A plugin's JSON routes through a real host: the caller (token with its scope, account with HTTP Basic),
 * request headers (credentials withheld) and multi-valued query parameters, typed query parameters (400
 * on a bad value), routes that require a scope or pass a permission check (403 otherwise), response headers.
 */
class TestPluginRoutesCallers {

    static PluginJar ledger() {
        return PluginJar.plugin("ledger").manifest("Plugin-Class", "test.ledger.Main")
                .source("test.ledger.Main", """
                        package test.ledger;
                        import io.plugboard.sdk.*;
                        import io.plugboard.sdk.json.*;
                        import io.plugboard.sdk.web.*;
                        public class Main extends PlugboardPlugin {
                            public Main(PluginContext context) { super(context); }
                            @Override public void start() {
                                JsonRoutes routes = context().routes();
                                routes.get("/whoami", r -> JsonResponse.ok(JsonObject.builder()
                                        .put("kind", r.caller().kind().key()).put("id", r.caller().id())
                                        .put("name", r.caller().name()).put("role", r.caller().role())
                                        .put("scopes", JsonArray.from(java.util.List.copyOf(r.caller().scopes())))
                                        .put("trace", r.header("x-TRACE-id"))
                                        .put("sees_authorization", r.headers().containsKey("authorization"))
                                        .put("tags", JsonArray.from(r.queryParams("tag"))).build()));
                                routes.add(RouteSpec.get("/exports").scope("admin"),
                                        r -> JsonResponse.ok(JsonObject.of("export", "ok")));
                                routes.add(RouteSpec.get("/reports").allow(c -> c.name().startsWith("ops"),
                                        "only ops tokens read reports"), r -> JsonResponse.ok(JsonObject.of("report", "ok")));
                                routes.get("/entries", r -> JsonResponse.ok(JsonObject.of("limit", r.intQueryParam("limit", 20, 1, 100),
                                                "archived", r.booleanQueryParam("archived", false)))
                                        .withHeader("X-Total-Count", "42").withHeader("ETag", "\\"v7\\""));
                            }
                        }
                        """);
    }

    private static String token(TestHost host, String name, String scope) {
        Http.Response r = host.http().postJson("/api/v1/tokens", Http.json(Map.of("name", name, "scope", scope)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("value").asText();
    }

    private static Http.Response get(TestHost host, String token, String path, String... headers) {
        Map<String, String> all = new java.util.HashMap<>(Map.of("Authorization", "Bearer " + token));
        for (int i = 0; i < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        return Http.exchange(host.host().baseUrl(), "GET", path, all, null);
    }

    @Test
    void aRouteSeesItsCallerHeadersAndRepeatedQueryParameters() {
        Path plugins = TestHost.tempDir("plugins");
        ledger().writeTo(plugins);
        try (TestHost host = TestHost.start(plugins)) {
            String read = token(host, "reporting", "read");
            Http.Response byToken = get(host, read, "/api/v1/plugins/ledger/whoami?tag=a&tag=b", "X-Trace-Id", "t-1");
            assertThat(byToken.status()).as(byToken.body()).isEqualTo(200);
            JsonNode seen = byToken.json();
            assertThat(seen.get("kind").asText()).isEqualTo("token");
            assertThat(seen.get("name").asText()).isEqualTo("reporting");
            assertThat(seen.get("id").asText()).isNotBlank();
            assertThat(seen.get("role").asText()).isEqualTo("viewer");
            assertThat(seen.get("scopes").toString()).isEqualTo("[\"read\"]");
            assertThat(seen.get("trace").asText()).as("header names in any case").isEqualTo("t-1");
            assertThat(seen.get("sees_authorization").asBoolean()).as("credentials are withheld").isFalse();
            assertThat(seen.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");

            String basic = "Basic " + Base64.getEncoder().encodeToString(
                    (TestHost.ADMIN + ":" + TestHost.PASSWORD).getBytes(StandardCharsets.UTF_8));
            JsonNode account = Http.exchange(host.host().baseUrl(), "GET", "/api/v1/plugins/ledger/whoami",
                    Map.of("Authorization", basic), null).json();
            assertThat(account.get("kind").asText()).isEqualTo("basic");
            assertThat(account.get("name").asText()).isEqualTo(TestHost.ADMIN);
            assertThat(account.get("role").asText()).isEqualTo("admin");
            assertThat(account.get("scopes").toString()).isEqualTo("[\"admin\"]");
        }
    }

    @Test
    void aRouteThatRequiresAScopeOrPassesACheckRefusesOthersWith403() {
        Path plugins = TestHost.tempDir("plugins");
        ledger().writeTo(plugins);
        try (TestHost host = TestHost.start(plugins)) {
            String read = token(host, "ops-reader", "read");
            String admin = token(host, "deployer", "admin");
            Http.Response refused = get(host, read, "/api/v1/plugins/ledger/exports");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("error").asText())
                    .isEqualTo("GET /api/v1/plugins/ledger/exports needs the 'admin' scope; the caller has 'read'");
            assertThat(refused.json().get("details").get("missing_scope").asText()).isEqualTo("admin");
            assertThat(get(host, admin, "/api/v1/plugins/ledger/exports").json().get("export").asText()).isEqualTo("ok");

            assertThat(get(host, read, "/api/v1/plugins/ledger/reports").status()).isEqualTo(200);
            Http.Response notOps = get(host, admin, "/api/v1/plugins/ledger/reports");
            assertThat(notOps.status()).isEqualTo(403);
            assertThat(notOps.json().get("error").asText()).isEqualTo("only ops tokens read reports");
        }
    }

    @Test
    void typedQueryParametersRefuseBadValuesAndAnswersCarryTheirHeaders() {
        Path plugins = TestHost.tempDir("plugins");
        ledger().writeTo(plugins);
        try (TestHost host = TestHost.start(plugins)) {
            Http.Response ok = host.http().get("/api/v1/plugins/ledger/entries?limit=5&archived=true");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("{\"limit\":5,\"archived\":true}");
            assertThat(ok.header("X-Total-Count")).isEqualTo("42");
            assertThat(ok.header("ETag")).isEqualTo("\"v7\"");
            assertThat(ok.header("Content-Type")).startsWith("application/json");
            assertThat(host.http().get("/api/v1/plugins/ledger/entries").body()).isEqualTo("{\"limit\":20,\"archived\":false}");

            Http.Response word = host.http().get("/api/v1/plugins/ledger/entries?limit=lots");
            assertThat(word.status()).isEqualTo(400);
            assertThat(word.json().get("error").asText())
                    .isEqualTo("the query parameter 'limit' must be a whole number from 1 to 100, not 'lots'");
            assertThat(host.http().get("/api/v1/plugins/ledger/entries?limit=500").status()).isEqualTo(400);
            Http.Response flag = host.http().get("/api/v1/plugins/ledger/entries?archived=yes");
            assertThat(flag.status()).isEqualTo(400);
            assertThat(flag.json().get("error").asText()).contains("'archived' must be true or false");
        }
    }
}
