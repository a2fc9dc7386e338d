package io.plugboard.host.api;

import static io.plugboard.host.api.TestWebhooksApi.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestSendTestEvent {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.fresh();

    private String webhook(String url, String token, String... events) {
        var body = new java.util.HashMap<String, Object>(Map.of("name", "Receiver", "url", url, "events", List.of(events)));
        if (token != null) {
            body.put("token", token);
        }
        Http.Response r = host.http().postJson("/api/v1/webhooks", Http.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    @Test
    void postsTheEnvelopeWithTheSamplePayloadAndHeaders() throws Exception {
        host.receiver().respond(200, "{\"received\":true}");
        String id = webhook(host.receiver().url("/hooks/in?x=1"), "s3cret-token", "order_placed", "ping");
        Instant before = Instant.now().minusSeconds(1);

        JsonNode result = host.http().postJson("/api/v1/webhooks/" + id + "/test", "").json();

        Receiver.Request req = host.receiver().next(Duration.ofSeconds(5));
        assertThat(req.method()).isEqualTo("POST");
        assertThat(req.path()).isEqualTo("/hooks/in?x=1");
        assertThat(req.header("content-type")).isEqualTo("application/json");
        assertThat(req.header("authorization")).isEqualTo("Bearer s3cret-token");
        assertThat(req.header("user-agent")).startsWith("Plugboard/");
        JsonNode envelope = MAPPER.readTree(req.body());
        assertThat(envelope.fieldNames()).toIterable().containsExactly("id", "type", "timestamp", "data");
        assertThat(envelope.get("id").asText()).startsWith("evt_");
        assertThat(envelope.get("type").asText()).isEqualTo("order_placed");
        assertThat(Instant.parse(envelope.get("timestamp").asText())).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(envelope.get("timestamp").asText()).endsWith("Z");
        assertThat(envelope.get("data")).isEqualTo(MAPPER.readTree(TestHost.ORDER_SAMPLE));
        assertThat(req.header("webhook-id")).isEqualTo(envelope.get("id").asText());

        assertThat(result.get("success").asBoolean()).isTrue();
        assertThat(result.get("response_status").asInt()).isEqualTo(200);
        assertThat(result.get("response_body").asText()).isEqualTo("{\"received\":true}");
        assertThat(result.get("duration_ms").asLong()).isNotNegative();
        assertThat(result.get("error").isNull()).isTrue();
        assertThat(result.get("event_id").asText()).isEqualTo(envelope.get("id").asText());

        JsonNode after = host.http().get("/api/v1/webhooks/" + id).json();
        assertThat(after.get("deliveries_ok").asInt()).isEqualTo(1);
        assertThat(after.get("last_status").asInt()).isEqualTo(200);
    }

    @Test
    void sendsTheChosenEventAndPayload() throws Exception {
        String id = webhook(host.receiver().url("/h"), null, "order_placed");
        JsonNode result = host.http().postJson("/api/v1/webhooks/" + id + "/test",
                "{\"event\":\"ping\",\"payload\":{\"n\":42,\"note\":\"\\u00e9\\u2713\"}}").json();
        assertThat(result.get("success").asBoolean()).isTrue();
        Receiver.Request req = host.receiver().next(Duration.ofSeconds(5));
        JsonNode envelope = MAPPER.readTree(req.body());
        assertThat(envelope.get("type").asText()).isEqualTo("ping");
        assertThat(envelope.get("data").get("n").asInt()).isEqualTo(42);
        assertThat(envelope.get("data").get("note").asText()).isEqualTo("é✓");
        assertThat(req.header("authorization")).as("no token, no Authorization header").isNull();
    }

    @Test
    void refusesAPayloadThatBreaksTheSchemaOrAnUnknownEvent() {
        String id = webhook(host.receiver().url("/h"), null, "order_placed");
        assertError(host.http().postJson("/api/v1/webhooks/" + id + "/test", "{\"payload\":{\"order_id\":1}}"), 400,
                "does not match the schema");
        assertError(host.http().postJson("/api/v1/webhooks/" + id + "/test", "{\"event\":\"nope\"}"), 400,
                "unknown event type 'nope'");
        assertError(host.http().postJson("/api/v1/webhooks/" + id + "/test", "{\"payload\":[1]}"), 400,
                "payload must be a JSON object");
        assertError(host.http().postJson("/api/v1/webhooks/" + id + "/test", "{\"evnt\":\"ping\"}"), 400, "unknown field evnt");
        assertThat(host.receiver().all()).isEmpty();
    }

    @Test
    void aFailingEndpointIsReportedNotThrown() {
        host.receiver().respond(500, "boom " + "x".repeat(10_000));
        String id = webhook(host.receiver().url("/h"), null, "ping");
        JsonNode result = host.http().postJson("/api/v1/webhooks/" + id + "/test", "").json();
        assertThat(result.get("success").asBoolean()).isFalse();
        assertThat(result.get("response_status").asInt()).isEqualTo(500);
        assertThat(result.get("error").asText()).isEqualTo("HTTP 500");
        assertThat(result.get("response_body").asText()).startsWith("boom ").hasSize(4096);
        JsonNode after = host.http().get("/api/v1/webhooks/" + id).json();
        assertThat(after.get("deliveries_failed").asInt()).isEqualTo(1);
        assertThat(after.get("last_error").asText()).isEqualTo("HTTP 500");
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        host.receiver().respond(302, "").respondHeaders(Map.of("Location", "http://127.0.0.1:1/elsewhere"));
        String id = webhook(host.receiver().url("/h"), null, "ping");
        JsonNode result = host.http().postJson("/api/v1/webhooks/" + id + "/test", "").json();
        assertThat(result.get("success").asBoolean()).isFalse();
        assertThat(result.get("response_status").asInt()).isEqualTo(302);
        assertThat(result.get("error").asText()).contains("redirect to http://127.0.0.1:1/elsewhere not followed");
        assertThat(host.receiver().all()).hasSize(1);
    }

    @Test
    void anUnreachableEndpointIsSuccessFalseWithTheReason() {
        int closedPort;
        try (Receiver gone = new Receiver()) {
            closedPort = java.net.URI.create(gone.url("/")).getPort();
        }
        String id = webhook("http://127.0.0.1:" + closedPort + "/h", null, "ping");
        Http.Response r = host.http().postJson("/api/v1/webhooks/" + id + "/test", "");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("success").asBoolean()).isFalse();
        assertThat(r.json().get("response_status").isNull()).isTrue();
        assertThat(r.json().get("error").asText()).contains("connection refused");
    }
}
