package io.plugboard.host.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestDatabases;
import io.plugboard.host.testing.TestHost;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two host instances in one JVM on one PostgreSQL database, many threads on both emitting with the
 * same idempotency keys at the same moment, through the header, batches (with two keys, in both
 * orders, so that claims could deadlock if taken in request order) and {@code Plugboard.emitOnce}:
 * per key one event and one delivery, and every caller gets that event's id. Skipped, loudly,
 * without a PostgreSQL server.
 */
class TestIdempotencyAcrossInstances {

    private static final int ROUNDS = 8;
    private static final int THREADS = 16;

    @Test
    void instancesRacingWithOneKeyStoreOneEventAndOneDelivery() throws Exception {
        String db = TestDatabases.freshSchema();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (Receiver receiver = new Receiver();
             TestHost a = TestHost.onPostgres(db, "node-a", TestHost.tempDir("plugins"), TestHost.FAST);
             TestHost b = TestHost.onPostgres(db, "node-b", TestHost.tempDir("plugins"), TestHost.FAST)) {
            a.createWebhook("Orders", receiver.url("/race"), "order_placed");
            Set<String> allIds = ConcurrentHashMap.newKeySet();
            for (int round = 0; round < ROUNDS; round++) {
                String key = "race-" + round;
                Map<String, Set<String>> idsByKey = new ConcurrentHashMap<>();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<String>> answers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    TestHost host = t % 2 == 0 ? a : b;
                    int mode = t % 4;
                    answers.add(pool.submit(() -> {
                        go.await();
                        return emit(host, mode, key, idsByKey);
                    }));
                }
                go.countDown();
                for (Future<String> answer : answers) {
                    assertThat(answer.get(60, TimeUnit.SECONDS)).as("round %d", round).isEqualTo("202");
                }
                assertThat(idsByKey.keySet()).containsExactlyInAnyOrder(key, key + "-x", key + "-y");
                idsByKey.forEach((k, ids) -> assertThat(ids).as("ids answered for key %s", k).hasSize(1));
                idsByKey.values().forEach(allIds::addAll);
            }

            int events = ROUNDS * 3;
            assertThat(allIds).hasSize(events);
            assertThat(count(db, "SELECT COUNT(*) FROM events")).as("one event per key").isEqualTo(events);
            assertThat(count(db, "SELECT COUNT(*) FROM deliveries")).as("one delivery per key").isEqualTo(events);
            assertThat(count(db, "SELECT COUNT(DISTINCT event_id) FROM deliveries")).isEqualTo(events);
            List<Receiver.Request> got = receiver.awaitCount(events, Duration.ofSeconds(60));
            assertThat(got.stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet())).isEqualTo(allIds);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Emits the round's events one of four ways and records the ids answered per key.
     *
     * @return {@code 202}, or the status and body of a refusal
     */
    private static String emit(TestHost host, int mode, String key, Map<String, Set<String>> idsByKey) {
        String order = "{\"type\":\"order_placed\",\"data\":{\"order_id\":\"" + key + "\",\"total\":\"1.00\"}}";
        switch (mode) {
            case 0 -> {
                record(idsByKey, key, host.host().emitOnce(key, "order_placed", Map.of("order_id", key, "total", "1.00")));
                return "202";
            }
            case 1 -> {
                Http.Response r = host.http().postJson("/api/v1/events", order, Map.of("Idempotency-Key", key));
                if (r.status() == 202) {
                    record(idsByKey, key, r.json().get("id").asText());
                }
                return r.status() == 202 ? "202" : r.status() + " " + r.body();
            }
            default -> {
                // Two keys besides the round's, in one order on some threads and the other order on the rest.
                List<String> keys = mode == 2 ? List.of(key, key + "-x", key + "-y") : List.of(key + "-y", key + "-x", key);
                List<String> items = new ArrayList<>();
                for (String k : keys) {
                    items.add("{\"type\":\"order_placed\",\"data\":{\"order_id\":\"" + k + "\",\"total\":\"1.00\"},"
                            + "\"idempotency_key\":\"" + k + "\"}");
                }
                Http.Response r = host.http().postJson("/api/v1/events/batch", "{\"events\":[" + String.join(",", items)
                        + "]}");
                if (r.status() == 202) {
                    for (int i = 0; i < keys.size(); i++) {
                        record(idsByKey, keys.get(i), r.json().get("ids").get(i).asText());
                    }
                }
                return r.status() == 202 ? "202" : r.status() + " " + r.body();
            }
        }
    }

    private static void record(Map<String, Set<String>> idsByKey, String key, String id) {
        idsByKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(id);
    }

    private static long count(String db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
