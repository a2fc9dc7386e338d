package io.plugboard.plugins.redisstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.sdk.outbound.DeliveryOutcome;
import io.plugboard.sdk.outbound.OutgoingMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.resps.StreamEntry;

/** Sends through the destination to the real Redis on 127.0.0.1:6379 and reads the stream back. */
class TestRedisStreamDestination {

    private final RedisStreamDestination destination = new RedisStreamDestination();
    private final TestRedis redis = new TestRedis();

    @AfterEach
    void close() {
        destination.close();
        redis.close();
    }

    @Test
    void appendsTheEventIdTypeContentTypeBodyAndEveryHeaderToTheExpandedStream() {
        String prefix = redis.uniqueKey("deliver");
        String stream = prefix + ":payment_received";
        redis.alsoDelete(stream);
        String body = "{\"amount\":\"12.50\",\"note\":\"caf\u00e9 \u2713\"}";
        OutgoingMessage message = TestRedis.message("evt_1", body,
                Map.of(RedisStreamSettings.URI_KEY, TestRedis.URI, RedisStreamSettings.STREAM, prefix + ":{{type}}"));

        DeliveryOutcome outcome = destination.send(message);

        assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
        List<StreamEntry> entries = redis.redis().xrange(stream, "-", "+");
        assertThat(entries).hasSize(1);
        assertThat(outcome.detail()).contains(entries.get(0).getID().toString()).contains(stream);
        assertThat(entries.get(0).getFields()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "id", "evt_1", "type", "payment_received", "content_type", "application/json", "body", body,
                "webhook-id", "evt_1", "webhook-timestamp", "1767323045", "webhook-signature", "v1,c2lnbmF0dXJl",
                "x-tenant", "acme"));
    }

    @Test
    void aKeyHoldingAStringIsRetriedUntilItIsDeleted() {
        String stream = redis.uniqueKey("wrongtype");
        redis.redis().set(stream, "not a stream");
        Map<String, String> settings = Map.of(RedisStreamSettings.URI_KEY, TestRedis.URI, RedisStreamSettings.STREAM, stream);

        DeliveryOutcome refused = destination.send(TestRedis.message("evt_2", "{}", settings));

        assertThat(refused.kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
        assertThat(refused.detail()).contains("WRONGTYPE").contains(stream);

        redis.redis().del(stream);
        DeliveryOutcome fixed = destination.send(TestRedis.message("evt_2", "{}", settings));

        assertThat(fixed.kind()).as(fixed.detail()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
        assertThat(redis.redis().xlen(stream)).isEqualTo(1);
    }

    @Test
    void aPortNothingListensOnIsRetriedThenTheRightOneDelivers() {
        String stream = redis.uniqueKey("refused");

        DeliveryOutcome refused = destination.send(TestRedis.message("evt_3", "{}",
                Map.of(RedisStreamSettings.URI_KEY, "redis://127.0.0.1:1", RedisStreamSettings.STREAM, stream)));

        assertThat(refused.kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
        assertThat(refused.detail()).contains("could not reach redis://127.0.0.1:1");

        DeliveryOutcome fixed = destination.send(TestRedis.message("evt_3", "{}",
                Map.of(RedisStreamSettings.URI_KEY, TestRedis.URI, RedisStreamSettings.STREAM, stream)));

        assertThat(fixed.kind()).as(fixed.detail()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
    }

    @Test
    void aWrongPasswordIsRetriedWithoutShowingItThenTheRightOneDelivers() {
        String stream = redis.uniqueKey("auth");
        String user = "plugboard-test-" + stream.substring(stream.lastIndexOf(':') + 1);
        redis.redis().sendCommand(Protocol.Command.ACL, "SETUSER", user, "on", ">right-secret",
                "~plugboard-test:*", "+@all");
        try {
            DeliveryOutcome refused = destination.send(TestRedis.message("evt_4", "{}", Map.of(RedisStreamSettings.URI_KEY,
                    "redis://" + user + "@127.0.0.1:6379", RedisStreamSettings.PASSWORD, "wrong-secret",
                    RedisStreamSettings.STREAM, stream)));

            assertThat(refused.kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
            assertThat(refused.detail()).contains("not authorized").doesNotContain("wrong-secret");

            DeliveryOutcome fixed = destination.send(TestRedis.message("evt_4", "{}", Map.of(RedisStreamSettings.URI_KEY,
                    "redis://" + user + "@127.0.0.1:6379", RedisStreamSettings.PASSWORD, "right-secret",
                    RedisStreamSettings.STREAM, stream)));

            assertThat(fixed.kind()).as(fixed.detail()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
            assertThat(fixed.detail()).doesNotContain("right-secret");
        } finally {
            redis.redis().sendCommand(Protocol.Command.ACL, "DELUSER", user);
        }
    }

    @Test
    void aClosedDestinationRetries() {
        destination.close();

        DeliveryOutcome outcome = destination.send(TestRedis.message("evt_5", "{}",
                Map.of(RedisStreamSettings.STREAM, redis.uniqueKey("closed"))));

        assertThat(outcome.kind()).isEqualTo(DeliveryOutcome.Kind.RETRY);
        assertThat(outcome.detail()).contains("stopping");
    }
}
