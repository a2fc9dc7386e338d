package io.plugboard.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import io.plugboard.sdk.EventType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Numbers in event data reach the receiver exactly as emitted (a money amount's {@code 12.50}, a decimal
 * longer than a double, a whole number longer than a long), whichever way the event was emitted; filters,
 * schemas and idempotency keys still compare them by value.
 */
class TestExactNumbers {

    private static final String NUMBERS = "{\"amount\":12.50,\"rate\":0.1000000000000000055511151231257827,"
            + "\"big\":123456789012345678901234567890,\"tiny\":0.00000001}";
    private static final String SCHEMA = """
            {"type":"object","properties":{"amount":{"type":"number","minimum":0.01,"multipleOf":0.01},
             "rate":{"type":"number"},"big":{"type":"integer"}}}""";

    private static TestHost start() {
        return TestHost.start(TestHost.tempDir("plugins"), TestHost.tempDir("data"), b -> b.eventType(
                EventType.builder("charged").name("Charged").sample(NUMBERS).schema(SCHEMA).build()));
    }

    @Test
    void everyWayOfEmittingDeliversTheNumbersAsGiven() throws Exception {
        try (TestHost host = start(); Receiver receiver = new Receiver()) {
            assertThat(host.http().get("/api/v1/event-types/charged").body()).as("the sample catalog")
                    .contains("\"sample\":" + NUMBERS);
            JsonNode webhook = host.createWebhook("Charges", receiver.url("/c"), "charged");
            assertThat(host.http().postJson("/api/v1/webhooks", Http.json(Map.of("name", "CloudEvents", "url",
                    receiver.url("/ce"), "events", List.of("charged"), "format", "cloudevents"))).status()).isEqualTo(201);
            Http.Response template = host.http().postJson("/api/v1/webhooks", Http.json(Map.of("name", "Template",
                    "url", receiver.url("/t"), "events", List.of("charged"), "format", "template", "template",
                    "{\"a\": {{json data.amount}}, \"r\": {{json data.rate}}, \"t\": {{json data.tiny}} }")));
            assertThat(template.status()).as(template.body()).isEqualTo(201);

            assertThat(host.http().postJson("/api/v1/events", "{\"type\":\"charged\",\"data\":" + NUMBERS + "}")
                    .status()).isEqualTo(202);
            host.host().events().emitJson("charged", NUMBERS);
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("amount", new BigDecimal("12.50"));
            map.put("rate", new BigDecimal("0.1000000000000000055511151231257827"));
            map.put("big", new BigInteger("123456789012345678901234567890"));
            map.put("tiny", new BigDecimal("0.00000001"));
            host.host().events().emit("charged", map);
            assertThat(host.http().postJson("/api/v1/webhooks/" + webhook.get("id").asText() + "/test", "{}").status())
                    .as("a test send of the sample").isLessThan(300);

            List<Receiver.Request> got = receiver.awaitCount(10, Duration.ofSeconds(10));
            for (Receiver.Request r : got) {
                switch (r.path()) {
                    case "/c" -> {
                        assertThat(r.bodyText()).endsWith(",\"data\":" + NUMBERS + "}");
                        assertThat(r.signedWith(webhook.get("secret").asText())).isTrue();
                    }
                    case "/ce" -> assertThat(r.bodyText()).contains("\"data\":" + NUMBERS);
                    default -> assertThat(r.bodyText())
                            .isEqualTo("{\"a\": 12.50, \"r\": 0.1000000000000000055511151231257827, \"t\": 0.00000001 }");
                }
            }
            assertThat(got.stream().filter(r -> r.path().equals("/c"))).hasSize(4);
        }
    }

    @Test
    void filtersSchemasAndIdempotencyKeysCompareByValue() throws Exception {
        try (TestHost host = start(); Receiver receiver = new Receiver()) {
            Http http = host.http();
            assertThat(http.postJson("/api/v1/webhooks", Http.json(Map.of("name", "Exactly 12.5", "url",
                    receiver.url("/f"), "events", List.of("charged"), "filter", "data.amount == 12.5"))).status())
                    .isEqualTo(201);
            Http.Response first = http.postJson("/api/v1/events", "{\"type\":\"charged\",\"data\":" + NUMBERS + "}",
                    Map.of("Idempotency-Key", "charge-1"));
            assertThat(first.status()).as(first.body()).isEqualTo(202);
            assertThat(receiver.next(Duration.ofSeconds(10)).bodyText()).as("the filter matched")
                    .contains("\"amount\":12.50,");

            Http.Response replay = http.postJson("/api/v1/events", "{\"type\":\"charged\",\"data\":"
                    + NUMBERS.replace("12.50", "12.5").replace("0.00000001", "1e-8") + "}",
                    Map.of("Idempotency-Key", "charge-1"));
            assertThat(replay.status()).as(replay.body()).isEqualTo(202);
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replay.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
            Http.Response other = http.postJson("/api/v1/events", "{\"type\":\"charged\",\"data\":"
                    + NUMBERS.replace("0.1000000000000000055511151231257827", "0.1") + "}",
                    Map.of("Idempotency-Key", "charge-1"));
            assertThat(other.status()).as("0.1 is another number than the long rate").isEqualTo(409);

            Http.Response tooSmall = http.postJson("/api/v1/events", "{\"type\":\"charged\",\"data\":{\"amount\":0.001}}");
            assertThat(tooSmall.status()).isEqualTo(400);
            assertThat(tooSmall.body()).contains("does not match the schema");
            assertThat(http.postJson("/api/v1/events", "{\"type\":\"charged\",\"data\":{\"amount\":0.010}}").status())
                    .as("minimum and multipleOf by value").isEqualTo(202);

            Http.Response huge = http.postJson("/api/v1/events", "{\"type\":\"charged\",\"data\":{\"n\":1e400,\"z\":0e-99999}}");
            assertThat(huge.status()).isEqualTo(400);
            assertThat(huge.body()).contains("data.n: number out of range").contains("data.z: number out of range");
        }
    }
}
