package io.plugboard.plugins.redisstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.sdk.outbound.DeliveryOutcome;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** XADD's approximate MAXLEN keeps a stream near max_length; 0 keeps every entry. */
class TestRedisStreamTrimming {

    private final RedisStreamDestination destination = new RedisStreamDestination();
    private final TestRedis redis = new TestRedis();

    @AfterEach
    void close() {
        destination.close();
        redis.close();
    }

    @Test
    void keepsTheStreamNearMaxLength() {
        String stream = redis.uniqueKey("trim");
        Map<String, String> settings = Map.of(RedisStreamSettings.URI_KEY, TestRedis.URI,
                RedisStreamSettings.STREAM, stream, RedisStreamSettings.MAX_LENGTH, "100");

        sendMany(settings, 1_000);

        // "~" trims whole radix-tree nodes only (stream-node-max-entries, 100 by default): at least
        // max_length entries remain, and less than one node more.
        assertThat(redis.redis().xlen(stream)).isBetween(100L, 200L);
    }

    @Test
    void zeroKeepsEveryEntry() {
        String stream = redis.uniqueKey("notrim");
        Map<String, String> settings = Map.of(RedisStreamSettings.URI_KEY, TestRedis.URI,
                RedisStreamSettings.STREAM, stream, RedisStreamSettings.MAX_LENGTH, "0");

        sendMany(settings, 250);

        assertThat(redis.redis().xlen(stream)).isEqualTo(250);
    }

    private void sendMany(Map<String, String> settings, int count) {
        for (int i = 0; i < count; i++) {
            DeliveryOutcome outcome = destination.send(TestRedis.message("evt_" + i, "{\"n\":" + i + "}", settings));
            assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
        }
    }
}
