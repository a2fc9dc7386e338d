package io.plugboard.plugins.redisstream;

import static io.plugboard.plugins.redisstream.HostWebhooks.ORDER_PAID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.sdk.json.JsonObject;
import io.plugboard.testkit.Await;
import io.plugboard.testkit.HostWebhook;
import io.plugboard.testkit.PluginHarness;
import io.plugboard.testkit.SignedMessage;
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

    private final TestRedis redis = new TestRedis();
    private PluginHarness harness;

    @BeforeEach
    void start() {
        harness = HostWebhooks.start();
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
        HostWebhook webhook = webhook(stream);
        String eventId = harness.emit(ORDER_PAID, Map.of("order_id", "ord_7", "amount", "9.99"));

        Map<String, String> entry = Await.until("an entry in " + stream, HostWebhooks.WAIT, () -> entries(stream),
                e -> !e.isEmpty()).get(0).getFields();

        assertThat(entry).containsEntry("id", eventId).containsEntry("type", ORDER_PAID)
                .containsEntry("content_type", "application/json").containsEntry("webhook-id", eventId);
        byte[] body = entry.get("body").getBytes(StandardCharsets.UTF_8);
        JsonObject envelope = SignedMessage.assertStandardEnvelope(body, entry::get, webhook.secret());
        assertThat(envelope.string("id")).isEqualTo(eventId);
        assertThat(envelope.string("type")).isEqualTo(ORDER_PAID);
        assertThat(envelope.string("data.order_id")).isEqualTo("ord_7");
        webhook.awaitSucceeded(eventId, HostWebhooks.WAIT);
    }

    @Test
    void theTestSendAppendsToTheStream() {
        String stream = redis.uniqueKey("test-send");
        JsonNode test = webhook(stream).sendTest();

        assertThat(test.path("success").asBoolean()).as(test.toString()).isTrue();
        List<StreamEntry> entries = entries(stream);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getFields()).containsEntry("id", test.path("event_id").asText());
    }

    @Test
    void aKeyOfTheWrongTypeIsRetriedWithTheReasonLoggedUntilItIsDeleted() {
        String stream = redis.uniqueKey("wrongtype");
        redis.redis().set(stream, "not a stream");
        HostWebhook webhook = webhook(stream);
        String eventId = harness.emit(ORDER_PAID, Map.of("order_id", "ord_8"));

        Await.until("two failed attempts", HostWebhooks.WAIT, webhook::failedAttempts, n -> n >= 2);
        redis.redis().del(stream);

        JsonNode delivery = webhook.awaitSucceeded(eventId, HostWebhooks.WAIT);
        JsonNode attempts = webhook.attempts(delivery.path("id").asText());
        assertThat(attempts.size()).isGreaterThanOrEqualTo(3);
        assertThat(attempts.get(0).path("error").asText()).contains("WRONGTYPE").contains(stream);
        List<StreamEntry> entries = entries(stream);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getFields()).containsEntry("id", eventId);
    }

    private HostWebhook webhook(String stream) {
        return harness.destinationWebhook("redis-stream", settings(stream), ORDER_PAID);
    }

    private List<StreamEntry> entries(String stream) {
        return redis.redis().xrange(stream, "-", "+");
    }

    private static Map<String, String> settings(String stream) {
        return Map.of(RedisStreamSettings.URI_KEY, TestRedis.URI, RedisStreamSettings.STREAM, stream);
    }
}
