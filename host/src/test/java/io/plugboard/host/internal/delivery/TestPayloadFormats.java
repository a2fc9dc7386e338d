package io.plugboard.host.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.host.testing.TestHostExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Templates, CloudEvents and custom headers, delivered for real to a receiver and signed over the exact body. */
class TestPayloadFormats {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.fresh();

    private JsonNode webhook(Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Receiver", "url", host.receiver().url("/in"),
                "events", List.of("order_placed")));
        body.putAll(fields);
        Http.Response r = host.http().postJson("/api/v1/webhooks", Http.json(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private void secret(String name, String value) {
        Http.Response r = host.http().postJson("/api/v1/secrets", Http.json(Map.of("name", name, "value", value)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private String emit(Object data) {
        Http.Response r = host.http().postJson("/api/v1/events", Http.json(Map.of("type", "order_placed", "data", data)));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().get("id").asText();
    }

    @Test
    void aTemplateRendersNestedDataEscapesStringsAndSignsTheExactBody() throws Exception {
        secret("API_KEY", "k-123\"quoted\"");
        JsonNode w = webhook(Map.of("format", "template", "token", "tok-abc", "template", """
                {"event": "{{type}}", "id": "{{id}}", "at": "{{timestamp}}",
                 "email": "{{data.customer.email}}", "note": "{{data.note}}",
                 "customer": {{json data.customer}}, "items": {{json data.items}},
                 "missing": "{{data.nope.deeper}}", "missing_json": {{json data.nope}},
                 "first_sku": "{{data.items.0.sku}}", "webhook": "{{webhook.name}}", "webhook2": "{{webhook_name}}",
                 "key": "{{secret "API_KEY"}}", "token": "{{access_token}}"}"""));
        String id = emit(Map.of("order_id", "o1", "total", "5.00", "note", "say \"hi\"\nline2 \\ é ✓ \u0001",
                "customer", Map.of("email", "a@example.com", "address", Map.of("city", "Zürich")),
                "items", List.of(Map.of("sku", "A-1", "qty", 2), Map.of("sku", "B-2", "qty", 1))));

        Receiver.Request req = host.receiver().next(Duration.ofSeconds(10));
        assertThat(req.header("content-type")).isEqualTo("application/json");
        assertThat(req.signedWith(w.get("secret").asText())).as("signature over the rendered body").isTrue();
        assertThat(req.header("webhook-id")).isEqualTo(id);
        JsonNode body = MAPPER.readTree(req.body());
        assertThat(body.get("event").asText()).isEqualTo("order_placed");
        assertThat(body.get("id").asText()).isEqualTo(id);
        assertThat(body.get("at").asText()).endsWith("Z");
        assertThat(body.get("email").asText()).isEqualTo("a@example.com");
        assertThat(body.get("note").asText()).isEqualTo("say \"hi\"\nline2 \\ é ✓ \u0001");
        assertThat(body.get("customer").get("address").get("city").asText()).isEqualTo("Zürich");
        assertThat(body.get("items").get(1).get("qty").asInt()).isEqualTo(1);
        assertThat(body.get("missing").asText()).isEmpty();
        assertThat(body.get("missing_json").isNull()).isTrue();
        assertThat(body.get("first_sku").asText()).isEqualTo("A-1");
        assertThat(body.get("webhook").asText()).isEqualTo("Receiver");
        assertThat(body.get("webhook2").asText()).isEqualTo("Receiver");
        assertThat(body.get("key").asText()).isEqualTo("k-123\"quoted\"");
        assertThat(body.get("token").asText()).isEqualTo("tok-abc");
    }

    @Test
    void aSlackStyleTemplateWithItsOwnContentTypeHeader() throws Exception {
        webhook(Map.of("format", "template", "headers", Map.of("Content-Type", "application/json; charset=utf-8"),
                "template", """
                {"text": "New order {{data.order_id}} from {{data.customer.email}}",
                 "blocks": [{"type": "section", "text": {"type": "mrkdwn",
                   "text": "*Order* `{{data.order_id}}`: {{data.total}} \\u2014 {{data.customer.email}}"}}]}"""));
        emit(Map.of("order_id", "ord_9", "total", "42.00", "customer", Map.of("email", "x\"y@example.com")));

        Receiver.Request req = host.receiver().next(Duration.ofSeconds(10));
        assertThat(req.header("content-type")).isEqualTo("application/json; charset=utf-8");
        JsonNode slack = MAPPER.readTree(req.body());
        assertThat(slack.get("text").asText()).isEqualTo("New order ord_9 from x\"y@example.com");
        assertThat(slack.get("blocks").get(0).get("text").get("text").asText())
                .isEqualTo("*Order* `ord_9`: 42.00 \u2014 x\"y@example.com");
    }

    @Test
    void cloudEventsParseBackWithTheSdkAndAreSigned() throws Exception {
        JsonNode w = webhook(Map.of("format", "cloudevents"));
        String id = emit(Map.of("order_id", "o7", "total", "1.00", "customer", Map.of("email", "c@example.com")));

        Receiver.Request req = host.receiver().next(Duration.ofSeconds(10));
        assertThat(req.header("content-type")).isEqualTo("application/cloudevents+json");
        assertThat(req.signedWith(w.get("secret").asText())).isTrue();
        EventFormat format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        assertThat(format).isNotNull();
        CloudEvent ce = format.deserialize(req.body());
        assertThat(ce.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(ce.getId()).isEqualTo(id);
        assertThat(ce.getType()).isEqualTo("order_placed");
        assertThat(ce.getSource().toString()).isEqualTo("urn:plugboard:test-site:api");
        assertThat(ce.getTime()).isNotNull();
        assertThat(ce.getDataContentType()).isEqualTo("application/json");
        JsonNode data = MAPPER.readTree(ce.getData().toBytes());
        assertThat(data.get("customer").get("email").asText()).isEqualTo("c@example.com");
        JsonNode raw = MAPPER.readTree(new String(req.body(), StandardCharsets.UTF_8));
        assertThat(raw.get("data").isObject()).as("structured mode: data inline as JSON").isTrue();
    }

    @Test
    void customHeadersCarrySecretsWhichTheDeliveryLogMasks() throws Exception {
        secret("CI_TOKEN", "ci-secret-value-42");
        JsonNode w = webhook(Map.of("headers", Map.of("X-Ci-Token", "Token {{secret \"CI_TOKEN\"}}", "X-Plain", "hello")));
        emit(Map.of("order_id", "o1", "total", "1.00", "customer", Map.of("email", "a@example.com")));

        Receiver.Request req = host.receiver().next(Duration.ofSeconds(10));
        assertThat(req.header("x-ci-token")).isEqualTo("Token ci-secret-value-42");
        assertThat(req.header("x-plain")).isEqualTo("hello");
        JsonNode envelope = MAPPER.readTree(req.body());
        assertThat(envelope.fieldNames()).toIterable().containsExactly("id", "type", "timestamp", "data");

        String wid = w.get("id").asText();
        JsonNode delivery = awaitFinished(wid);
        JsonNode attempt = host.http().get("/api/v1/deliveries/" + delivery.get("id").asText()).json().get("attempts").get(0);
        assertThat(attempt.toString()).doesNotContain("ci-secret-value-42");
        assertThat(attempt.get("request_headers").get("X-Ci-Token").asText()).isEqualTo("Token ****");
        JsonNode secrets = host.http().get("/api/v1/secrets").json().get("data");
        assertThat(secrets.get(0).get("last_used_at").isNull()).isFalse();
    }

    private JsonNode awaitFinished(String webhookId) {
        return Await.value("the delivery succeeded", () -> host.http().get("/api/v1/webhooks/" + webhookId
                + "/deliveries").json().get("data"), list -> list.size() > 0
                && list.get(0).get("status").asText().equals("succeeded")).get(0);
    }
}
