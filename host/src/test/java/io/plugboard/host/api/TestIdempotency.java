package io.plugboard.host.api;

import static io.plugboard.host.api.TestWebhooksApi.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHostExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Idempotency keys on a real host: the {@code Idempotency-Key} header, a batch event's
 * {@code idempotency_key} and {@code Plugboard.emitOnce} store an event once per key within 24 hours,
 * answer a repeat with the first id, refuse the key for a different event, and free it afterwards.
 */
class TestIdempotency {

    private static final String EVENTS = "/api/v1/events";
    private static final String BATCH = "/api/v1/events/batch";
    private static final String ORDER = "{\"type\":\"order_placed\",\"data\":{\"order_id\":\"ord_7\",\"total\":\"7.00\"}}";
    private static final String RACE_BATCH = "{\"events\":[{\"type\":\"order_placed\",\"data\":{\"order_id\":\"ord_7\","
            + "\"total\":\"7.00\"},\"idempotency_key\":\"race\"}]}";

    @RegisterExtension
    final TestHostExtension host = TestHostExtension.fresh();

    @Test
    void aRepeatedHeaderKeyAnswersTheFirstIdAndStoresNothingMore() throws Exception {
        host.createWebhook("Orders", host.receiver().url("/orders"), "order_placed");

        Http.Response first = emit(ORDER, "order-7-placed");
        // The same event with its fields in another order is the same event.
        Http.Response again = emit("{\"data\":{\"total\":\"7.00\",\"order_id\":\"ord_7\"},\"type\":\"order_placed\"}",
                "order-7-placed");

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).as(again.body()).isEqualTo(202);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        String id = first.json().get("id").asText();
        assertThat(again.json().get("id").asText()).isEqualTo(id);
        assertThat(count("SELECT COUNT(*) FROM events")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM deliveries")).isEqualTo(1);
        assertThat(host.receiver().next(Duration.ofSeconds(10)).header("webhook-id")).isEqualTo(id);

        Http.Response other = emit(ORDER, "order-8-placed");
        assertThat(other.json().get("id").asText()).as("another key, another event").isNotEqualTo(id);
        Http.Response plain = host.http().postJson(EVENTS, ORDER);
        assertThat(plain.json().get("id").asText()).as("no key, always stored").isNotEqualTo(id);
        assertThat(count("SELECT COUNT(*) FROM events")).isEqualTo(3);
    }

    @Test
    void aKeyUsedForADifferentEventIsAConflictAndStoresNothing() throws Exception {
        String id = emit(ORDER, "k-1").json().get("id").asText();

        assertError(emit("{\"type\":\"order_placed\",\"data\":{\"order_id\":\"ord_7\",\"total\":\"9.00\"}}", "k-1"), 409,
                "was used within the last 24 hours for a different event");
        assertError(emit("{\"type\":\"ping\",\"data\":{\"order_id\":\"ord_7\",\"total\":\"7.00\"}}", "k-1"), 409,
                "different event");
        assertThat(count("SELECT COUNT(*) FROM events")).isEqualTo(1);
        assertThat(emit(ORDER, "k-1").json().get("id").asText()).as("the key still stands for the first").isEqualTo(id);
    }

    @Test
    void refusesMalformedKeys() throws Exception {
        assertError(emit(ORDER, "k".repeat(256)), 400, "1 to 255 characters");
        assertError(emit(ORDER, ""), 400, "1 to 255 characters");
        assertError(host.http().postJson(BATCH, "{\"events\":[{\"type\":\"ping\",\"data\":{},\"idempotency_key\":7}]}"),
                400, "idempotency_key must be a string");
        assertThat(emit(ORDER, "k".repeat(255)).status()).as("255 is allowed").isEqualTo(202);
        assertThat(emit(ORDER, "a key with spaces and ~!@#").status()).isEqualTo(202);
        assertThat(count("SELECT COUNT(*) FROM events")).isEqualTo(2);
    }

    @Test
    void batchEventsCarryTheirOwnKeys() throws Exception {
        host.createWebhook("Pings", host.receiver().url("/pings"), "ping");
        String single = emit("{\"type\":\"ping\",\"data\":{\"n\":1}}", "ping-1").json().get("id").asText();

        Http.Response r = host.http().postJson(BATCH, "{\"events\":[" + ping(1, "ping-1") + "," + ping(2, "ping-2") + ","
                + ping(3, null) + "," + ping(2, "ping-2") + "]}");

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.header("Idempotent-Replayed")).as("only part of the batch was a replay").isNull();
        List<String> ids = ids(r);
        assertThat(ids.get(0)).as("the key the header used first").isEqualTo(single);
        assertThat(ids.get(3)).as("the same key twice in one batch: the second is the first").isEqualTo(ids.get(1));
        assertThat(Set.copyOf(ids)).hasSize(3);
        assertThat(r.json().get("replayed").toString()).isEqualTo("[0,3]");
        assertThat(count("SELECT COUNT(*) FROM events")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM deliveries")).isEqualTo(3);

        Http.Response whole = host.http().postJson(BATCH, "{\"events\":[" + ping(1, "ping-1") + "," + ping(2, "ping-2") + "]}");
        assertThat(whole.header("Idempotent-Replayed")).as("the whole batch sent before").isEqualTo("true");
        assertThat(ids(whole)).containsExactly(single, ids.get(1));
        assertThat(count("SELECT COUNT(*) FROM events")).isEqualTo(3);
    }

    @Test
    void aBatchWithAKeyForADifferentEventIsRefusedWhole() throws Exception {
        emit("{\"type\":\"ping\",\"data\":{\"n\":1}}", "ping-1");

        Http.Response earlier = host.http().postJson(BATCH, "{\"events\":[" + ping(5, "ping-5") + "," + ping(9, "ping-1") + "]}");
        assertError(earlier, 409, "events[1].idempotency_key");
        assertThat(earlier.json().get("details").get("events[1].idempotency_key").asText()).contains("different event");

        Http.Response inside = host.http().postJson(BATCH, "{\"events\":[" + ping(6, "twice") + "," + ping(7, null) + ","
                + ping(8, "twice") + "]}");
        assertError(inside, 409, "the same idempotency_key as events[0] but a different event");
        assertThat(inside.json().get("details").has("events[2].idempotency_key")).isTrue();

        assertThat(count("SELECT COUNT(*) FROM events")).as("only the first emit's").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM idempotency_keys")).isEqualTo(1);
    }

    @Test
    void aKeyPastItsWindowNoLongerMatches() throws Exception {
        String first = emit(ORDER, "old-key").json().get("id").asText();
        String recent = emit(ORDER, "recent-key").json().get("id").asText();
        age("old-key", Duration.ofHours(24).plusMinutes(1));
        age("recent-key", Duration.ofHours(23));

        Http.Response after = emit(ORDER, "old-key");
        assertThat(after.header("Idempotent-Replayed")).isNull();
        String second = after.json().get("id").asText();
        assertThat(second).isNotEqualTo(first);
        Http.Response stillRecent = emit(ORDER, "recent-key");
        assertThat(stillRecent.json().get("id").asText()).isEqualTo(recent);
        assertThat(emit(ORDER, "old-key").json().get("id").asText()).as("the key now stands for the new event")
                .isEqualTo(second);
        // Once expired, the key takes any event: the window is over.
        age("old-key", Duration.ofHours(25));
        assertThat(emit("{\"type\":\"ping\",\"data\":{}}", "old-key").status()).isEqualTo(202);
        assertThat(count("SELECT COUNT(*) FROM events")).isEqualTo(4);
    }

    @Test
    void theEmbeddingApiSharesTheKeys() throws Exception {
        String id = host.host().emitOnce("order-7-placed", "order_placed", Map.of("order_id", "ord_7", "total", "7.00"));

        assertThat(host.host().emitOnce("order-7-placed", "order_placed", Map.of("total", "7.00", "order_id", "ord_7")))
                .isEqualTo(id);
        Http.Response api = emit(ORDER, "order-7-placed");
        assertThat(api.json().get("id").asText()).isEqualTo(id);
        assertThat(api.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count("SELECT COUNT(*) FROM events")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM events WHERE source = 'app'")).isEqualTo(1);

        assertThatThrownBy(() -> host.host().emitOnce("order-7-placed", "order_placed", Map.of("order_id", "x", "total", "1.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different event");
        assertThatThrownBy(() -> host.host().emitOnce("caf\u00e9", "ping", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> host.host().emitOnce(null, "ping", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idempotencyKey is required");
        assertThatThrownBy(() -> host.host().emitOnce("k", "nope", Map.of()))
                .isInstanceOf(io.plugboard.sdk.InvalidEventException.class).hasMessageContaining("unknown event type");
        assertThat(count("SELECT COUNT(*) FROM events")).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyStoreOneEvent() throws Exception {
        host.createWebhook("Orders", host.receiver().url("/orders"), "order_placed");
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Set<String> ids = ConcurrentHashMap.newKeySet();
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                statuses.add(pool.submit(() -> {
                    go.await();
                    if (n % 3 == 0) {
                        ids.add(host.host().emitOnce("race", "order_placed", Map.of("order_id", "ord_7", "total", "7.00")));
                        return 202;
                    }
                    Http.Response r = n % 3 == 1 ? emit(ORDER, "race") : host.http().postJson(BATCH, RACE_BATCH);
                    ids.add(n % 3 == 1 ? r.json().get("id").asText() : r.json().get("ids").get(0).asText());
                    return r.status();
                }));
            }
            go.countDown();
            for (Future<Integer> status : statuses) {
                assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(202);
            }
            assertThat(ids).hasSize(1);
            assertThat(count("SELECT COUNT(*) FROM events")).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM deliveries")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private Http.Response emit(String body, String key) {
        return host.http().postJson(EVENTS, body, Map.of("Idempotency-Key", key));
    }

    private static String ping(int n, String key) {
        return "{\"type\":\"ping\",\"data\":{\"n\":" + n + "}" + (key == null ? "" : ",\"idempotency_key\":\"" + key + "\"")
                + "}";
    }

    private static List<String> ids(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        List<String> out = new ArrayList<>();
        r.json().get("ids").forEach(id -> out.add(id.asText()));
        return out;
    }

    /** Moves a key's start back, as if it had been given that long ago. */
    private void age(String key, Duration by) throws Exception {
        try (Connection c = host.connection(); PreparedStatement s = c.prepareStatement(
                "UPDATE idempotency_keys SET created_at = created_at - ? WHERE idempotency_key = ?")) {
            s.setLong(1, by.toMillis());
            s.setString(2, key);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = host.connection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
