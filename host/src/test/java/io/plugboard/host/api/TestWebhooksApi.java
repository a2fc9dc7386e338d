package io.plugboard.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestWebhooksApi {

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.fresh();

    private JsonNode create(String name, String url, String... events) {
        Http.Response r = host.http().postJson("/api/v1/webhooks",
                Http.json(Map.of("name", name, "url", url, "events", List.of(events))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void createsAWebhookWithIdAndSigningSecret() {
        Http.Response r = host.http().postJson("/api/v1/webhooks", Http.json(Map.of("name", " Orders ",
                "url", "https://example.com/hook", "events", List.of("order_placed", "ping", "order_placed"),
                "token", "tok_123")));

        assertThat(r.status()).isEqualTo(201);
        JsonNode w = r.json();
        assertThat(w.get("id").asText()).startsWith("wh_");
        assertThat(r.header("Location")).isEqualTo("/api/v1/webhooks/" + w.get("id").asText());
        assertThat(w.get("name").asText()).isEqualTo("Orders");
        assertThat(w.get("events")).extracting(JsonNode::asText).containsExactly("order_placed", "ping");
        assertThat(w.get("enabled").asBoolean()).isTrue();
        assertThat(w.get("has_token").asBoolean()).isTrue();
        assertThat(w.has("token")).as("the token is never echoed").isFalse();
        assertThat(w.get("secret").asText()).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(w.get("deliveries_ok").asLong()).isZero();
        assertThat(w.get("created_at").asText()).endsWith("Z");
    }

    @Test
    void secretsDifferPerWebhookAndDecodeToAtLeast24Bytes() {
        String a = create("a", "https://a.example/h", "ping").get("secret").asText();
        String b = create("b", "https://b.example/h", "ping").get("secret").asText();
        assertThat(a).isNotEqualTo(b);
        assertThat(java.util.Base64.getDecoder().decode(a.substring("whsec_".length()))).hasSizeBetween(24, 64);
    }

    @Test
    void listsSearchesAndFilters() {
        create("Shop orders", "https://shop.example.com/orders", "order_placed");
        create("Pinger", "https://ping.example.net/p", "ping");
        String off = create("Muted 100%_done", "https://muted.example.org/x", "ping", "order_placed").get("id").asText();
        host.http().patchJson("/api/v1/webhooks/" + off, "{\"enabled\": false}");

        assertThat(host.http().get("/api/v1/webhooks").json().get("total").asInt()).isEqualTo(3);
        assertThat(names(host.http().get("/api/v1/webhooks?q=SHOP"))).containsExactly("Shop orders");
        assertThat(names(host.http().get("/api/v1/webhooks?q=example.net"))).containsExactly("Pinger");
        assertThat(names(host.http().get("/api/v1/webhooks?q=100%25_"))).containsExactly("Muted 100%_done");
        assertThat(names(host.http().get("/api/v1/webhooks?q=0%25"))).as("%% is literal").containsExactly("Muted 100%_done");
        assertThat(names(host.http().get("/api/v1/webhooks?event=order_placed"))).containsExactlyInAnyOrder("Shop orders", "Muted 100%_done");
        assertThat(names(host.http().get("/api/v1/webhooks?enabled=false"))).containsExactly("Muted 100%_done");
        assertThat(names(host.http().get("/api/v1/webhooks?enabled=true&event=ping"))).containsExactly("Pinger");

        JsonNode page = host.http().get("/api/v1/webhooks?limit=2&offset=0").json();
        assertThat(page.get("data")).hasSize(2);
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("data").get(0).has("secret")).as("lists do not carry secrets").isFalse();
        assertThat(host.http().get("/api/v1/webhooks?limit=2&offset=2").json().get("data")).hasSize(1);
    }

    @Test
    void getsUpdatesAndDeletes() {
        JsonNode w = create("Orders", "https://example.com/a", "order_placed");
        String id = w.get("id").asText();

        JsonNode got = host.http().get("/api/v1/webhooks/" + id).json();
        assertThat(got.get("secret").asText()).isEqualTo(w.get("secret").asText());

        Http.Response patched = host.http().patchJson("/api/v1/webhooks/" + id,
                "{\"name\":\"Orders v2\",\"events\":[\"ping\"],\"token\":\"t0k\"}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("name").asText()).isEqualTo("Orders v2");
        assertThat(patched.json().get("url").asText()).isEqualTo("https://example.com/a");
        assertThat(patched.json().get("events")).extracting(JsonNode::asText).containsExactly("ping");
        assertThat(patched.json().get("has_token").asBoolean()).isTrue();

        assertThat(host.http().patchJson("/api/v1/webhooks/" + id, "{\"token\":null}").json().get("has_token").asBoolean())
                .isFalse();

        assertThat(host.http().delete("/api/v1/webhooks/" + id).status()).isEqualTo(204);
        assertThat(host.http().get("/api/v1/webhooks/" + id).status()).isEqualTo(404);
        assertThat(host.http().delete("/api/v1/webhooks/" + id).status()).isEqualTo(404);
    }

    @Test
    void refusesBadInputWithAMessagePerFieldAndStoresNothing() {
        assertError(host.http().postJson("/api/v1/webhooks", "{\"name\":\"\",\"url\":\"https://x.example\",\"events\":[\"ping\"]}"),
                400, "name is required");
        assertError(host.http().postJson("/api/v1/webhooks", "{\"name\":\"x\",\"url\":\"ftp://x.example\",\"events\":[\"ping\"]}"),
                400, "url must start with http:// or https://");
        assertError(host.http().postJson("/api/v1/webhooks", "{\"name\":\"x\",\"url\":\"javascript:alert(1)\",\"events\":[\"ping\"]}"),
                400, "http://");
        assertError(host.http().postJson("/api/v1/webhooks", "{\"name\":\"x\",\"url\":\"https://u:p@x.example\",\"events\":[\"ping\"]}"),
                400, "must not contain a user name or password");
        assertError(host.http().postJson("/api/v1/webhooks", "{\"name\":\"x\",\"url\":\"not a url\",\"events\":[\"ping\"]}"),
                400, "url");
        assertError(host.http().postJson("/api/v1/webhooks", "{\"name\":\"x\",\"url\":\"https://x.example\",\"events\":[\"nope\",\"ping\"]}"),
                400, "unknown event type: nope");
        assertError(host.http().postJson("/api/v1/webhooks", "{\"name\":\"x\",\"url\":\"https://x.example\",\"events\":[]}"),
                400, "choose at least one event type");
        assertError(host.http().postJson("/api/v1/webhooks", "{\"name\":\"x\",\"url\":\"https://x.example\"}"),
                400, "choose at least one event type");
        assertError(host.http().postJson("/api/v1/webhooks", "{\"name\":\"x\",\"url\":\"https://x.example\",\"events\":\"ping\"}"),
                400, "events must be an array of strings");
        assertError(host.http().postJson("/api/v1/webhooks", "{\"name\":5,\"url\":\"https://x.example\",\"events\":[\"ping\"]}"),
                400, "name must be a string");
        assertError(host.http().postJson("/api/v1/webhooks", "{\"name\":\"x\",\"url\":\"https://x.example\",\"events\":[\"ping\"],\"enabled\":\"yes\"}"),
                400, "enabled must be true or false");
        assertError(host.http().postJson("/api/v1/webhooks", "{\"name\":\"x\",\"url\":\"https://x.example\",\"events\":[\"ping\"],\"token\":\"has space\"}"),
                400, "token may contain only printable ASCII");
        assertError(host.http().postJson("/api/v1/webhooks", "{\"name\":\"x\",\"secret\":\"mine\"}"), 400, "unknown field secret");
        assertError(host.http().postJson("/api/v1/webhooks", "{\"name\":"), 400, "not valid JSON");
        assertError(host.http().postJson("/api/v1/webhooks", "[1,2]"), 400, "must be a JSON object");
        assertError(host.http().postJson("/api/v1/webhooks", ""), 400, "must be a JSON object");
        assertError(host.http().postJson("/api/v1/webhooks", "{\"name\":\"" + "n".repeat(201) + "\",\"url\":\"https://x.example\",\"events\":[\"ping\"]}"),
                400, "at most 200 characters");

        JsonNode all = host.http().postJson("/api/v1/webhooks", "{\"name\":\"\",\"url\":\"ftp://x\",\"events\":[\"nope\"]}").json();
        assertThat(all.get("details").fieldNames()).toIterable().containsExactly("name", "url", "events");

        assertThat(host.http().get("/api/v1/webhooks").json().get("total").asInt()).isZero();
    }

    @Test
    void everyBadFieldIsReportedAtOnceWrongTypesIncluded() {
        Http.Response created = host.http().postJson("/api/v1/webhooks",
                "{\"name\":5,\"url\":\"ftp://x.example\",\"events\":\"ping\",\"enabled\":\"yes\",\"token\":7}");
        assertThat(created.status()).as(created.body()).isEqualTo(400);
        JsonNode details = created.json().get("details");
        assertThat(details.fieldNames()).toIterable().containsExactlyInAnyOrder("name", "url", "events", "enabled", "token");
        assertThat(details.get("name").asText()).isEqualTo("name must be a string");
        assertThat(details.get("url").asText()).isEqualTo("url must start with http:// or https://");
        assertThat(details.get("events").asText()).isEqualTo("events must be an array of strings");
        assertThat(host.http().get("/api/v1/webhooks").json().get("total").asInt()).isZero();

        JsonNode w = create("Keep me", "https://example.com/keep", "ping");
        String id = w.get("id").asText();
        Http.Response patched = host.http().patchJson("/api/v1/webhooks/" + id,
                "{\"name\":\"\",\"url\":1,\"enabled\":\"no\",\"token\":false}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(400);
        assertThat(patched.json().get("details").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("name", "url", "enabled", "token");
        JsonNode after = host.http().get("/api/v1/webhooks/" + id).json();
        assertThat(after.get("name").asText()).isEqualTo("Keep me");
        assertThat(after.get("updated_at")).isEqualTo(w.get("updated_at"));
    }

    @Test
    void badUpdateChangesNothing() {
        JsonNode w = create("Keep me", "https://example.com/keep", "ping");
        String id = w.get("id").asText();
        assertError(host.http().patchJson("/api/v1/webhooks/" + id, "{\"name\":\"New\",\"url\":\"gopher://x\"}"), 400, "url");
        assertError(host.http().patchJson("/api/v1/webhooks/" + id, "{\"events\":[\"missing\"]}"), 400, "unknown event type");
        JsonNode after = host.http().get("/api/v1/webhooks/" + id).json();
        assertThat(after.get("name").asText()).isEqualTo("Keep me");
        assertThat(after.get("url").asText()).isEqualTo("https://example.com/keep");
        assertThat(after.get("updated_at")).isEqualTo(w.get("updated_at"));
    }

    @Test
    void unknownIdsAre404() {
        assertError(host.http().get("/api/v1/webhooks/wh_nope"), 404, "no webhook has the id 'wh_nope'");
        assertError(host.http().patchJson("/api/v1/webhooks/wh_nope", "{\"name\":\"x\"}"), 404, "wh_nope");
        assertError(host.http().delete("/api/v1/webhooks/wh_nope"), 404, "wh_nope");
        assertError(host.http().postJson("/api/v1/webhooks/wh_nope/test", ""), 404, "wh_nope");
    }

    @Test
    void badQueryParametersAre400() {
        assertError(host.http().get("/api/v1/webhooks?enabled=maybe"), 400, "enabled must be true or false");
        assertError(host.http().get("/api/v1/webhooks?limit=0"), 400, "limit must be between 1 and 500");
        assertError(host.http().get("/api/v1/webhooks?limit=abc"), 400, "limit must be a whole number");
        assertError(host.http().get("/api/v1/webhooks?offset=-1"), 400, "offset");
    }

    @Test
    void healthAndUnknownApiPaths() {
        assertThat(host.http().get("/health").json().get("status").asText()).isEqualTo("ok");
        Http.Response list = host.http().get("/api/v1/webhooks");
        assertThat(list.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(list.header("X-Frame-Options")).isEqualTo("DENY");
        Http.Response missing = host.http().get("/api/v1/nothing-here");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).contains("not found");
    }

    static void assertError(Http.Response r, int status, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().get("error").asText()).as(r.body()).contains(message);
    }

    private static List<String> names(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("data").findValues("name").stream().map(JsonNode::asText).toList();
    }
}
