package io.plugboard.plugins.redisstream;

import io.plugboard.sdk.outbound.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import redis.clients.jedis.RedisClient;

/**
 * The tests' own connection to the real Redis on 127.0.0.1:6379, to read streams and to clean up: every
 * key it named is deleted on {@link #close()}.
 */
final class TestRedis implements AutoCloseable {

    static final String URI = "redis://127.0.0.1:6379";

    private final RedisClient redis = RedisClient.create("127.0.0.1", 6379);
    private final List<String> keys = new ArrayList<>();

    /** @return a key prefix no other run uses, deleted (with what is appended to it) on close */
    String uniqueKey(String test) {
        String key = "plugboard-test:" + test + ":" + UUID.randomUUID().toString().substring(0, 8);
        keys.add(key);
        return key;
    }

    /** @param key a key built from a {@link #uniqueKey} prefix, to delete on close */
    void alsoDelete(String key) {
        keys.add(key);
    }

    RedisClient redis() {
        return redis;
    }

    /** @return a message to the given settings, with the Standard Webhooks headers and a custom one */
    static OutgoingMessage message(String eventId, String body, Map<String, String> settings) {
        return new OutgoingMessage("wh_test", eventId, "payment_received", Instant.parse("2026-01-02T03:04:05Z"), 1,
                "application/json", body.getBytes(StandardCharsets.UTF_8),
                Map.of("webhook-id", eventId, "webhook-timestamp", "1767323045",
                        "webhook-signature", "v1,c2lnbmF0dXJl", "X-Tenant", "acme"),
                settings);
    }

    @Override
    public void close() {
        for (String key : keys) {
            redis.del(key);
        }
        redis.close();
    }
}
