package io.plugboard.host.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.internal.delivery.Signer;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One Plugboard feeds another: host A's signed outgoing delivery arrives at host B's inbound webhook
 * (the standard-webhooks receiver plugin as built by the reactor), becomes an event there, and B
 * delivers it to its own subscribed webhook. Then forged, stale and replayed requests.
 */
class TestStandardWebhooksReceiver {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    static TestHost sender;
    static TestHost host;

    @BeforeAll
    static void start() {
        sender = TestHost.start();
        host = TestHost.start(Inbound.pluginsWith("standard-webhooks-receiver"));
    }

    @AfterAll
    static void stop() {
        sender.close();
        host.close();
    }

    @Test
    void anotherPlugboardsDeliveryBecomesAnEventThatReachesASubscribedWebhook() throws Exception {
        JsonNode inbound = Inbound.create(host, "From the shop", "standard-webhooks", Map.of("secret", SECRET));
        String inboundId = inbound.get("id").asText();
        JsonNode outgoing = sender.createWebhook("To the other Plugboard", inbound.get("url").asText(), "order_placed");
        String senderSecret = sender.http().get("/api/v1/webhooks/" + outgoing.get("id").asText()).json().get("secret").asText();
        Http.Response patched = host.http().patchJson("/api/v1/inbound-webhooks/" + inboundId,
                Http.json(Map.of("settings", Map.of("secret", senderSecret))));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("settings").get("secret").asText()).isEqualTo("********");

        try (Receiver downstream = new Receiver()) {
            host.createWebhook("Downstream", downstream.url("/hook"), "order_placed");
            Http.Response emitted = sender.http().postJson("/api/v1/events", Http.json(Map.of("type", "order_placed",
                    "data", Map.of("order_id", "ord_77", "total", "99.00"))));
            assertThat(emitted.status()).isEqualTo(202);
            String originalId = emitted.json().get("id").asText();

            Receiver.Request arrived = downstream.next(Duration.ofSeconds(30));
            assertThat(arrived).as("the event travelled A → B → downstream").isNotNull();
            JsonNode envelope = new com.fasterxml.jackson.databind.ObjectMapper().readTree(arrived.bodyText());
            assertThat(envelope.get("type").asText()).isEqualTo("order_placed");
            assertThat(envelope.get("data").get("order_id").asText()).isEqualTo("ord_77");
            assertThat(envelope.get("id").asText()).as("B emitted its own event").isNotEqualTo(originalId);

            JsonNode received = host.http().get("/api/v1/received-events?inbound_webhook=" + inboundId).json().get("data");
            assertThat(received).hasSize(1);
            assertThat(received.get(0).get("id").asText()).isEqualTo(envelope.get("id").asText());
            assertThat(received.get(0).get("origin").get("external_id").asText())
                    .as("the sender's webhook-id is kept").isEqualTo(originalId);

            // The sender retries the same message (same webhook-id): accepted, nothing emitted twice.
            String body = "{\"type\":\"order_placed\",\"timestamp\":\"2026-11-22T10:00:00Z\",\"data\":"
                    + "{\"order_id\":\"ord_77\",\"total\":\"99.00\"}}";
            Http.Response retry = signed(inbound.get("url").asText(), senderSecret, originalId,
                    Instant.now().getEpochSecond(), body);
            assertThat(retry.status()).as(retry.body()).isEqualTo(202);
            assertThat(retry.json().get("event_ids").get(0).asText()).isEqualTo(envelope.get("id").asText());
            assertThat(host.http().get("/api/v1/received-events?inbound_webhook=" + inboundId).json().get("total").asInt())
                    .isEqualTo(1);
            JsonNode stats = Inbound.stats(host, inboundId);
            assertThat(stats.get("accepted").asInt()).isEqualTo(2);
            assertThat(stats.get("rejected").asInt()).isZero();
        }
    }

    @Test
    void forgedStaleAndUnsignedRequestsAreRefusedWith401AndCounted() {
        JsonNode inbound = Inbound.create(host, "Signed only", "standard-webhooks", Map.of("secret", SECRET));
        String url = inbound.get("url").asText();
        String body = "{\"type\":\"ping\",\"data\":{\"n\":1}}";
        long now = Instant.now().getEpochSecond();

        Http.Response forged = signed(url, "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                "msg_1", now, body);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("error").asText()).contains("no v1 signature");
        Http.Response stale = signed(url, SECRET, "msg_2", now - 6 * 60, body);
        assertThat(stale.status()).isEqualTo(401);
        assertThat(stale.json().get("error").asText()).contains("webhook-timestamp");
        Http.Response unsigned = Inbound.post(url, body, Map.of());
        assertThat(unsigned.status()).isEqualTo(401);
        Http.Response good = signed(url, SECRET, "msg_3", now, body);
        assertThat(good.status()).as(good.body()).isEqualTo(202);

        JsonNode stats = Inbound.stats(host, inbound.get("id").asText());
        assertThat(stats.get("requests_total").asInt()).isEqualTo(4);
        assertThat(stats.get("rejected").asInt()).isEqualTo(3);
        assertThat(stats.get("accepted").asInt()).isEqualTo(1);
        JsonNode errors = host.http().get("/api/v1/inbound-webhooks/" + inbound.get("id").asText() + "/errors").json();
        assertThat(errors.get("total").asInt()).isEqualTo(3);
        assertThat(errors.get("data").get(0).get("status").asInt()).isEqualTo(401);
        assertThat(errors.get("data").get(0).get("body").asText()).isEqualTo(body);
    }

    @Test
    void aSignedMessageWithAnOverlongIdOrAnUnreadableTimestampIsTheSendersMistake() {
        JsonNode inbound = Inbound.create(host, "Long ids", "standard-webhooks", Map.of("secret", SECRET));
        String url = inbound.get("url").asText();
        String body = "{\"type\":\"ping\",\"data\":{\"n\":1}}";
        Http.Response longId = signed(url, SECRET, "m".repeat(5000), Instant.now().getEpochSecond(), body);
        assertThat(longId.status()).as(longId.body()).isEqualTo(400);
        assertThat(longId.json().get("error").asText())
                .isEqualTo("webhook-id is 5000 characters long; at most 200 are accepted");
        Http.Response farTime = signed(url, SECRET, "msg_far", Long.MAX_VALUE, body);
        assertThat(farTime.status()).as(farTime.body()).isEqualTo(401);
        assertThat(farTime.body()).contains("webhook-timestamp").doesNotContain("java.").doesNotContain("Exception");
        Http.Response farEnvelope = signed(url, SECRET, "msg_env", Instant.now().getEpochSecond(),
                "{\"type\":\"ping\",\"timestamp\":\"+999999999-01-01T00:00:00Z\",\"data\":{\"n\":1}}");
        assertThat(farEnvelope.status()).as(farEnvelope.body()).isEqualTo(400);
        assertThat(farEnvelope.json().get("error").asText()).contains("out of range");
        assertThat(host.http().get("/api/v1/received-events?inbound_webhook=" + inbound.get("id").asText()).json()
                .get("total").asInt()).isZero();
    }

    @Test
    void aWrongKeyLooksLikeAnUnknownIdAndADisabledWebhookRecordsNothing() {
        JsonNode inbound = Inbound.create(host, "Keyed", "standard-webhooks", Map.of("secret", SECRET));
        String id = inbound.get("id").asText();
        String url = inbound.get("url").asText();
        String base = url.substring(0, url.indexOf("/hooks/in/"));
        Http.Response wrongKey = Inbound.post(base + "/hooks/in/" + id + "/" + "A".repeat(43), "{}", Map.of());
        Http.Response unknownId = Inbound.post(base + "/hooks/in/inb_01NOPE/" + inbound.get("access_key").asText(), "{}", Map.of());
        assertThat(wrongKey.status()).isEqualTo(404);
        assertThat(unknownId.status()).isEqualTo(404);
        assertThat(wrongKey.body()).isEqualTo(unknownId.body());
        assertThat(Inbound.stats(host, id).get("rejected").asInt()).as("a wrong key is counted on the webhook").isEqualTo(1);

        assertThat(host.http().postJson("/api/v1/inbound-webhooks/" + id + "/disable", "").status()).isEqualTo(200);
        Http.Response disabled = signed(url, SECRET, "msg_9", Instant.now().getEpochSecond(), "{\"type\":\"ping\",\"data\":{}}");
        assertThat(disabled.status()).isEqualTo(403);
        JsonNode stats = Inbound.stats(host, id);
        assertThat(stats.get("requests_total").asInt()).as("a disabled webhook records nothing").isEqualTo(1);
        assertThat(host.http().postJson("/api/v1/inbound-webhooks/" + id + "/enable", "").json().get("state").asText())
                .isEqualTo("ENABLED");
    }

    private static Http.Response signed(String url, String secret, String id, long timestamp, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Inbound.post(url, bytes, Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp),
                "webhook-signature", Signer.sign(secret, id, timestamp, bytes)));
    }
}
