package io.plugboard.plugins.redisstream;

import static io.plugboard.plugins.redisstream.HostWebhooks.ORDER_PAID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.sdk.WebhookVerifier;
import io.plugboard.testkit.HostApi;
import io.plugboard.testkit.PluginHarness;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The built jar in a real host, delivering to the real Redis on 127.0.0.1:6379: a webhook with the
 * {@code redis-stream} destination appends the signed Standard Webhooks envelope to its stream, the
 * test send works, and a key of the wrong type is retried on the schedule until it is deleted.
 */
class ITRedisStreamThroughHost {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestRedis redis = new TestRedis();
    private PluginHarness harness;
    private HostApi api;

    @BeforeEach
    void start() {
        harness = HostWebhooks.start();
        api = harness.api();
    }

    @AfterEach
    void stop() {
        try {
            harness.close();
        } finally {
            redis.close();
        }
    }

    @Test
    void appendsTheSignedEnvelopeWithTheHeadersAsFields() throws Exception {
        String stream = redis.uniqueKey("through-host");
        JsonNode webhook = HostWebhooks.create(api, "redis-stream", settings(stream));
        String eventId = harness.emit(ORDER_PAID, Map.of("order_id", "ord_7", "amount", "9.99"));

        Map<String, String> entry = HostWebhooks.await("an entry in " + stream, () -> entries(stream),
                e -> !e.isEmpty()).get(0).getFields();

        assertThat(entry).containsEntry("id", eventId).containsEntry("type", ORDER_PAID)
                .containsEntry("content_type", "application/json").containsEntry("webhook-id", eventId);
        byte[] body = entry.get("body").getBytes(StandardCharsets.UTF_8);
        JsonNode envelope = JSON.readTree(body);
        assertThat(envelope.path("id").asText()).isEqualTo(eventId);
        assertThat(envelope.path("type").asText()).isEqualTo(ORDER_PAID);
        assertThat(envelope.path("timestamp").asText()).isNotEmpty();
        assertThat(envelope.path("data").path("order_id").asText()).isEqualTo("ord_7");
        assertThat(WebhookVerifier.forSecret(webhook.path("secret").asText()).matches(entry.get("webhook-id"),
                entry.get("webhook-timestamp"), entry.get("webhook-signature"), body))
                .as("the signature verifies with the webhook's secret").isTrue();
        String id = webhook.path("id").asText();
        HostWebhooks.await("delivered", () -> HostWebhooks.deliveries(api, id),
                d -> d.size() == 1 && d.get(0).path("status").asText().equals("succeeded"));
    }

    @Test
    void theTestSendAppendsToTheStream() {
        String stream = redis.uniqueKey("test-send");
        JsonNode webhook = HostWebhooks.create(api, "redis-stream", settings(stream));

        JsonNode test = api.post("/api/v1/webhooks/" + webhook.path("id").asText() + "/test", "").expect(200).json();

        assertThat(test.path("success").asBoolean()).as(test.toString()).isTrue();
        List<StreamEntry> entries = entries(stream);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getFields()).containsEntry("id", test.path("event_id").asText());
    }

    @Test
    void aKeyOfTheWrongTypeIsRetriedWithTheReasonLoggedUntilItIsDeleted() {
        String stream = redis.uniqueKey("wrongtype");
        redis.redis().set(stream, "not a stream");
        JsonNode webhook = HostWebhooks.create(api, "redis-stream", settings(stream));
        String id = webhook.path("id").asText();
        String eventId = harness.emit(ORDER_PAID, Map.of("order_id", "ord_8"));

        HostWebhooks.await("two failed attempts", () -> HostWebhooks.failedAttempts(api, id), n -> n >= 2);
        redis.redis().del(stream);

        JsonNode delivery = HostWebhooks.await("delivered after the fix", () -> HostWebhooks.deliveries(api, id),
                d -> d.size() == 1 && d.get(0).path("status").asText().equals("succeeded")).get(0);
        JsonNode attempts = HostWebhooks.attempts(api, delivery.path("id").asText());
        assertThat(attempts.size()).isGreaterThanOrEqualTo(3);
        assertThat(attempts.get(0).path("error").asText()).contains("WRONGTYPE").contains(stream);
        List<StreamEntry> entries = entries(stream);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getFields()).containsEntry("id", eventId);
    }

    private List<StreamEntry> entries(String stream) {
        return redis.redis().xrange(stream, "-", "+");
    }

    private static Map<String, String> settings(String stream) {
        return Map.of(RedisStreamSettings.URI_KEY, TestRedis.URI, RedisStreamSettings.STREAM, stream);
    }
}
