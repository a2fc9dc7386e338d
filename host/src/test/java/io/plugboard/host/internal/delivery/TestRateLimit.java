package io.plugboard.host.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A webhook's rate limit end to end, against a real receiver recording when each request arrives. The
 * bucket holds one second's worth, so any 1-second window may see the burst plus a second's rate: the
 * checks allow that and a little more for a loaded machine, and otherwise bound times from below only
 * (a slow machine makes deliveries later, never earlier).
 */
class TestRateLimit {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private TestHost host;
    private Receiver receiver;

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    /** One request in flight at a time, so arrival order is sending order. */
    private void start() {
        host = TestHost.start(TestHost.FAST.toBuilder().maxInFlightPerWebhook(1).build());
    }

    private String webhook(String url, double rateLimit) {
        Http.Response created = host.http().postJson("/api/v1/webhooks", Http.json(Map.of("name", "Limited",
                "url", url, "events", List.of("ping"), "rate_limit", rateLimit)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("rate_limit").asDouble()).isEqualTo(rateLimit);
        return created.json().get("id").asText();
    }

    @Test
    void queuedDeliveriesGoOutWithinTheRateInOrderWithoutFailedAttempts() throws Exception {
        start();
        Arrivals arrivals = new Arrivals();
        receiver = new Receiver().script(arrivals.recording(r -> Receiver.Reply.of(200)));
        String id = webhook(receiver.url("/limited"), 5);
        for (int i = 0; i < 20; i++) {
            host.host().events().emit("ping", Map.of("n", i));
        }
        receiver.awaitCount(20, WAIT);

        // Burst 5 (the bucket) + 5 per second; 2 more for requests bunched by a busy machine.
        assertThat(arrivals.mostWithin(1000)).as("arrivals in any 1-second window").isLessThanOrEqualTo(12);
        // After the burst, 15 more at 5 per second take 3 s; 2.4 s allows for timer granularity.
        assertThat(arrivals.millisBetween(4, 19)).as("ms from the 5th to the 20th arrival").isGreaterThanOrEqualTo(2400);
        List<Integer> order = arrivals.list().stream()
                .map(a -> read(a.request().bodyText()).path("data").path("n").asInt()).toList();
        assertThat(order).as("sent in the order emitted").isEqualTo(java.util.stream.IntStream.range(0, 20).boxed().toList());
        // The receiver has answered; the outcomes are committed in batches just after.
        int[] counts = Await.value("every outcome committed", WAIT, () -> deliveryCounts(id), n -> n[2] == 20);
        assertThat(counts[0]).isEqualTo(20);
        assertThat(counts[1]).as("no delivery was attempted more than once: waiting is no attempt").isEqualTo(1);
    }

    /** @return the webhook's deliveries: how many, the most attempts of one, how many succeeded */
    private int[] deliveryCounts(String webhookId) {
        try (Connection c = host.connection();
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*), MAX(attempts), "
                     + "SUM(CASE WHEN status = 'succeeded' THEN 1 ELSE 0 END) FROM deliveries WHERE webhook_id = '"
                     + webhookId + "'")) {
            rs.next();
            return new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)};
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a429HalvesTheRateAndThePageSaysSo() throws Exception {
        start();
        Arrivals arrivals = new Arrivals();
        AtomicInteger seen = new AtomicInteger();
        receiver = new Receiver().script(arrivals.recording(r -> Receiver.Reply.of(seen.getAndIncrement() == 0 ? 429 : 200)));
        String id = webhook(receiver.url("/slowed"), 10);
        for (int i = 0; i < 40; i++) {
            host.host().events().emit("ping", Map.of("n", i));
        }
        receiver.awaitCount(41, WAIT);

        // The 429 came first, when the bucket still held 10: it is cut to 5 and refills at 5 per second,
        // so the 25 arrivals from the 11th on take at least 4 s (25 at 10 per second would take 2.5 s).
        assertThat(arrivals.millisBetween(10, 35)).as("ms from the 11th to the 36th arrival").isGreaterThanOrEqualTo(3600);
        String page = host.http().get("/admin/webhooks/" + id + "/edit").body();
        assertThat(page).contains("lowered after a 429 from 10").contains("id=\"rate_limit\" name=\"rate_limit\" value=\"10\"");
    }

    @Test
    void aRetryAfterOnA429HoldsBackTheDeliveriesBehindIt() throws Exception {
        start();
        Arrivals arrivals = new Arrivals();
        AtomicInteger seen = new AtomicInteger();
        receiver = new Receiver().script(arrivals.recording(r -> seen.getAndIncrement() == 0
                ? new Receiver.Reply(429, "", Map.of("Retry-After", "2"), 0) : Receiver.Reply.of(200)));
        webhook(receiver.url("/retry-after"), 20);
        host.host().events().emit("ping", Map.of("n", 0));
        receiver.awaitCount(1, WAIT);
        // The 429 slows the bucket before its attempt is recorded: once recorded, the next one must wait.
        Await.until("the 429 recorded", WAIT, () -> count("SELECT COUNT(*) FROM delivery_attempts") == 1);
        host.host().events().emit("ping", Map.of("n", 1));
        receiver.awaitCount(3, WAIT);

        // The second event had tokens to spare, but the bucket stays empty for the Retry-After's 2 s.
        assertThat(arrivals.millisBetween(0, 1)).as("ms until the next request after the 429").isGreaterThanOrEqualTo(1500);
        List<Integer> later = arrivals.list().subList(1, 3).stream()
                .map(a -> read(a.request().bodyText()).path("data").path("n").asInt()).sorted().toList();
        assertThat(later).as("the refused one again, and the one behind it").containsExactly(0, 1);
    }

    @Test
    void aRateLimitOutOfRangeIsRefusedNamingTheField() {
        start();
        receiver = new Receiver();
        Http.Response refused = host.http().postJson("/api/v1/webhooks", Http.json(Map.of("name", "Too fast",
                "url", receiver.url("/x"), "events", List.of("ping"), "rate_limit", 0)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("rate_limit must be a number of requests per second from 0.01");
        String id = webhook(receiver.url("/y"), 2.5);
        Http.Response cleared = host.http().patchJson("/api/v1/webhooks/" + id, "{\"rate_limit\":null}");
        assertThat(cleared.json().get("rate_limit").isNull()).isTrue();
        Http.Response wrongType = host.http().patchJson("/api/v1/webhooks/" + id, "{\"rate_limit\":\"fast\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("rate_limit must be a number");
    }

    private long count(String sql) {
        try (Connection c = host.connection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
