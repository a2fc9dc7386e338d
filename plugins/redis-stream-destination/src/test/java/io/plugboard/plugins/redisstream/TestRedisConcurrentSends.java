package io.plugboard.plugins.redisstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.sdk.outbound.DeliveryOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Several host threads sending at once through one shared pool: every message is appended once. */
class TestRedisConcurrentSends {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 50;

    @Test
    void everyMessageFromEightThreadsIsAppendedOnce() throws Exception {
        RedisStreamDestination destination = new RedisStreamDestination();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try (TestRedis redis = new TestRedis()) {
            String stream = redis.uniqueKey("concurrent");
            Map<String, String> settings = Map.of(RedisStreamSettings.URI_KEY, TestRedis.URI, RedisStreamSettings.STREAM, stream);
            List<Future<List<DeliveryOutcome>>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    List<DeliveryOutcome> outcomes = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        outcomes.add(destination.send(TestRedis.message("evt_" + thread + "_" + i, "{}", settings)));
                    }
                    return outcomes;
                }));
            }
            for (Future<List<DeliveryOutcome>> result : results) {
                assertThat(result.get()).allSatisfy(outcome ->
                        assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(DeliveryOutcome.Kind.DELIVERED));
            }
            Set<String> ids = redis.redis().xrange(stream, "-", "+").stream()
                    .map(entry -> entry.getFields().get("id")).collect(Collectors.toSet());
            assertThat(ids).hasSize(THREADS * PER_THREAD).contains("evt_0_0", "evt_7_49");
        } finally {
            threads.shutdownNow();
            destination.close();
        }
    }
}
