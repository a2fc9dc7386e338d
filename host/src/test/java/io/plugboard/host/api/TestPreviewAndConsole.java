package io.plugboard.host.api;

import static io.plugboard.host.api.TestWebhooksApi.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The preview (nothing sent) and the test console (sent once, nothing stored), secrets masked in both. */
class TestPreviewAndConsole {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SECRET = "sk_live_do-not-show-1234";

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.fresh();

    @BeforeEach
    void start() {
        assertThat(host.http().postJson("/api/v1/secrets", Http.json(Map.of("name", "KEY", "value", SECRET))).status()).isEqualTo(201);
    }

    @Test
    void previewRendersTheSampleAsSentWithSecretsMasked() throws Exception {
        Http.Response r = host.http().postJson("/api/v1/webhooks/preview", Http.json(Map.of("name", "Slack", "event", "order_placed",
                "format", "template", "token", "tok-xyz", "filter", "data.total >= 100",
                "headers", Map.of("X-Key", "{{secret \"KEY\"}}"),
                "template", "{\"text\": \"{{data.order_id}} {{secret \"KEY\"}} {{access_token}}\"}")));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(SECRET).doesNotContain("tok-xyz");
        JsonNode p = r.json();
        assertThat(p.get("event_type").asText()).isEqualTo("order_placed");
        assertThat(p.get("filter_matches").asBoolean()).as("the sample's total is 12.50").isFalse();
        JsonNode req = p.get("request");
        assertThat(MAPPER.readTree(req.get("body").asText()).get("text").asText()).isEqualTo("ord_1 **** ****");
        assertThat(req.get("headers").get("X-Key").asText()).isEqualTo("****");
        assertThat(req.get("headers").get("Authorization").asText()).isEqualTo("Bearer ****");
        assertThat(req.get("headers").get("webhook-signature").asText()).startsWith("v1,…");

        assertError(host.http().postJson("/api/v1/webhooks/preview", "{\"event\":\"ping\",\"format\":\"template\",\"template\":\"{{#if}}\"}"),
                400, "template: line 1");
        assertError(host.http().postJson("/api/v1/webhooks/preview", "{\"format\":\"cloudevents\"}"), 400, "event type is required");
        assertError(host.http().postJson("/api/v1/webhooks/preview", "{\"event\":\"ping\",\"payload\":[]}"), 400,
                "payload must be a JSON object");
    }

    @Test
    void templatesCannotReachJavaObjects() throws Exception {
        JsonNode p = host.http().postJson("/api/v1/webhooks/preview", Http.json(Map.of("event", "order_placed", "format", "template",
                "template", "{\"a\": \"{{data.class}}\", \"b\": \"{{type.bytes}}\", \"c\": \"{{data.order_id.length}}\", "
                        + "\"d\": \"{{webhook.class.classLoader}}\", \"e\": \"{{lookup data 'getClass'}}\"}"))).json();
        JsonNode body = MAPPER.readTree(p.get("request").get("body").asText());
        for (String field : List.of("a", "b", "c", "d")) {
            assertThat(body.get(field).asText()).as(field).isEmpty();
        }
        // lookup of a missing key gives back its context, the data map: never a Java method or class.
        assertThat(body.get("e").asText()).doesNotContain("java").doesNotContain("Class");
    }

    @Test
    void previewStartsFromASavedWebhook() throws Exception {
        String id = host.http().postJson("/api/v1/webhooks", Http.json(Map.of("name", "Saved", "url", "https://example.com/x",
                "events", List.of("ping"), "format", "cloudevents"))).json().get("id").asText();
        JsonNode p = host.http().postJson("/api/v1/webhooks/preview", Http.json(Map.of("webhook_id", id,
                "payload", Map.of("n", 7)))).json();
        assertThat(p.get("request").get("url").asText()).isEqualTo("https://example.com/x");
        assertThat(p.get("request").get("headers").get("Content-Type").asText()).isEqualTo("application/cloudevents+json");
        JsonNode ce = MAPPER.readTree(p.get("request").get("body").asText());
        assertThat(ce.get("type").asText()).isEqualTo("ping");
        assertThat(ce.get("data").get("n").asInt()).isEqualTo(7);
        assertError(host.http().postJson("/api/v1/webhooks/preview", "{\"webhook_id\":\"wh_nope\"}"), 404, "wh_nope");
    }

    @Test
    void theConsoleSendsAnEditedPayloadOnceAndStoresNothing() throws Exception {
        host.receiver().respond(201, "{\"ok\":true}").respondHeaders(Map.of("X-Reply", "yes"));
        JsonNode w = host.http().postJson("/api/v1/webhooks", Http.json(Map.of("name", "Console", "url", host.receiver().url("/c"),
                "events", List.of("order_placed"), "token", "tok-console",
                "headers", Map.of("X-Key", "k={{secret \"KEY\"}}")))).json();
        String id = w.get("id").asText();
        long eventsBefore = count("SELECT COUNT(*) FROM events");

        Http.Response r = host.http().postJson("/api/v1/webhooks/" + id + "/console", Http.json(Map.of("event", "order_placed",
                "payload", Map.of("order_id", "edited-1", "total", "99.00"))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(SECRET).doesNotContain("tok-console");
        Receiver.Request got = host.receiver().next(Duration.ofSeconds(5));
        assertThat(got.header("x-key")).isEqualTo("k=" + SECRET);
        assertThat(MAPPER.readTree(got.body()).get("data").get("order_id").asText()).isEqualTo("edited-1");

        JsonNode c = r.json();
        assertThat(c.get("request").get("method").asText()).isEqualTo("POST");
        assertThat(c.get("request").get("url").asText()).isEqualTo(host.receiver().url("/c"));
        assertThat(c.get("request").get("headers").get("X-Key").asText()).isEqualTo("k=****");
        assertThat(c.get("request").get("headers").get("Authorization").asText()).isEqualTo("Bearer ****");
        assertThat(c.get("request").get("headers").get("webhook-id").asText()).isEqualTo(c.get("event_id").asText());
        assertThat(c.get("request").get("body").asText()).isEqualTo(got.bodyText());
        assertThat(c.get("response").get("status").asInt()).isEqualTo(201);
        assertThat(c.get("response").get("success").asBoolean()).isTrue();
        assertThat(c.get("response").get("headers").get("x-reply").asText()).isEqualTo("yes");
        assertThat(c.get("response").get("body").asText()).isEqualTo("{\"ok\":true}");
        assertThat(c.get("response").get("duration_ms").asLong()).isNotNegative();

        assertThat(count("SELECT COUNT(*) FROM events")).isEqualTo(eventsBefore);
        assertThat(count("SELECT COUNT(*) FROM deliveries")).isZero();
        JsonNode after = host.http().get("/api/v1/webhooks/" + id).json();
        assertThat(after.get("deliveries_ok").asInt()).isZero();

        host.receiver().script(req -> new Receiver.Reply(200, "echo " + req.header("x-key"), Map.of(), 0));
        JsonNode echoed = host.http().postJson("/api/v1/webhooks/" + id + "/console", "").json();
        assertThat(echoed.get("response").get("body").asText()).as("an echoing endpoint").isEqualTo("echo k=****");

        assertError(host.http().postJson("/api/v1/webhooks/" + id + "/console", "{\"payload\":{\"order_id\":1}}"), 400,
                "does not match the schema");
        assertError(host.http().postJson("/api/v1/webhooks/wh_nope/console", ""), 404, "wh_nope");

        host.http().postJson("/api/v1/secrets", Http.json(Map.of("name", "UNICODE", "value", "caf\u00e9")));
        host.http().patchJson("/api/v1/webhooks/" + id, "{\"headers\":{\"X-U\":\"{{secret \\\"UNICODE\\\"}}\"}}");
        assertError(host.http().postJson("/api/v1/webhooks/" + id + "/console", ""), 400,
                "secret UNICODE cannot be sent in a header");
    }

    private long count(String sql) throws Exception {
        try (Connection c = host.connection();
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
