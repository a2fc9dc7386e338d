package io.plugboard.host.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Await;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A bulk replay ({@code POST /api/v1/deliveries/replay}) started on one of two instances on one PostgreSQL
 * schema, large enough to run in the background in several batches while both instances run the replay
 * worker: every matched delivery is queued again exactly once, and the other instance shows the progress.
 * Skipped, loudly, without a PostgreSQL server.
 */
class TestReplayAcrossInstances {

    private static final String REPLAY = "/api/v1/deliveries/replay";
    private static final Duration WAIT = Duration.ofSeconds(120);
    /** Three batches of the replay's 500 and a part one. */
    private static final int EVENTS = 1700;

    @Test
    void aReplayStartedOnOneInstanceQueuesEachDeliveryOnceAndTheOtherShowsItsProgress() throws Exception {
        String db = TestDatabases.freshSchema();
        try (Receiver receiver = new Receiver();
             TestHost a = TestHost.onPostgres(db, "node-a", TestHost.tempDir("plugins"), TestHost.FAST);
             TestHost b = TestHost.onPostgres(db, "node-b", TestHost.tempDir("plugins"), TestHost.FAST)) {
            a.createWebhook("Archive", receiver.url("/archive"), "ping");
            for (int from = 0; from < EVENTS; from += 100) {
                String batch = IntStream.range(from, from + 100).mapToObj(n -> "{\"type\":\"ping\",\"data\":{\"n\":" + n + "}}")
                        .collect(Collectors.joining(",", "{\"events\":[", "]}"));
                TestHost emitter = from % 200 == 0 ? a : b;
                assertThat(emitter.http().postJson("/api/v1/events/batch", batch).status()).isEqualTo(202);
            }
            Await.until("every delivery succeeded", WAIT,
                    () -> count(db, "SELECT COUNT(*) FROM deliveries WHERE status = 'succeeded'") == EVENTS);

            Http.Response started = a.http().postJson(REPLAY, "{\"status\":\"succeeded\"}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            String id = started.json().get("id").asText();
            assertThat(started.json().get("count").asLong()).isEqualTo(EVENTS);

            // Progress as instance b sees it, until done: never backwards, never beyond the count.
            List<Long> seen = new ArrayList<>();
            JsonNode done = Await.value("the replay completes, seen from instance b", WAIT, () -> {
                JsonNode p = b.http().get(REPLAY + "/" + id).json();
                seen.add(p.get("queued").asLong());
                return p;
            }, p -> "completed".equals(p.get("status").asText()));
            assertThat(done.get("queued").asLong()).isEqualTo(EVENTS);
            assertThat(done.get("count").asLong()).isEqualTo(EVENTS);
            assertThat(done.get("percent").asInt()).isEqualTo(100);
            assertThat(seen).isSorted().allSatisfy(q -> assertThat(q).isBetween(0L, (long) EVENTS));

            assertThat(count(db, "SELECT COUNT(*) FROM deliveries WHERE replay_of IS NOT NULL")).isEqualTo(EVENTS);
            assertThat(count(db, "SELECT COUNT(DISTINCT replay_of) FROM deliveries WHERE replay_of IS NOT NULL"))
                    .as("each original queued once").isEqualTo(EVENTS);
            Await.until("every replay delivered", WAIT,
                    () -> count(db, "SELECT COUNT(*) FROM deliveries WHERE status = 'succeeded'") == 2L * EVENTS);
        }
    }

    private static long count(String db, String sql) {
        try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
