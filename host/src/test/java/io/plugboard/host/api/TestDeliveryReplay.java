package io.plugboard.host.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/deliveries/replay} on a real host and real receivers: a dry run counts without
 * queuing, a replay queues new deliveries linked to the originals, a large set runs in the background
 * and survives a restart without queuing anything twice, and bad filters are 400s saying what to fix.
 */
class TestDeliveryReplay {

    private static final String REPLAY = "/api/v1/deliveries/replay";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aDryRunCountsAndSamplesWithoutQueuingAndTheReplayQueuesNewDeliveriesLinkedToTheOriginals() throws Exception {
        try (TestHost host = TestHost.start(); Receiver down = new Receiver().respond(503, "down");
             Receiver up = new Receiver()) {
            String failing = host.createWebhook("Down", down.url("/d"), "ping", "order_placed").get("id").asText();
            String fine = host.createWebhook("Up", up.url("/u"), "ping").get("id").asText();
            for (int i = 0; i < 3; i++) {
                host.host().events().emit("ping", Map.of("n", i));
            }
            host.host().events().emit("order_placed", Map.of("order_id", "ord_9", "total", "1.00"));
            Await.until("every delivery is finished", Duration.ofSeconds(30), () -> count(host,
                    "SELECT COUNT(*) FROM deliveries WHERE status = 'pending'") == 0);

            JsonNode dry = replay(host, "{\"webhooks\":[\"" + failing + "\"],\"status\":\"failed\",\"dry_run\":true}", 200);
            assertThat(dry.get("count").asLong()).isEqualTo(4);
            assertThat(dry.get("sample")).hasSize(4);
            assertThat(dry.get("sample").get(0).get("webhook_id").asText()).isEqualTo(failing);
            assertThat(count(host, "SELECT COUNT(*) FROM deliveries")).as("nothing queued").isEqualTo(7);
            assertThat(replay(host, "{\"event_types\":[\"order_placed\"],\"dry_run\":true}", 200).get("count").asLong())
                    .isEqualTo(1);
            assertThat(replay(host, "{\"response_status\":\"5xx\",\"dry_run\":true}", 200).get("count").asLong()).isEqualTo(4);
            assertThat(replay(host, "{\"response_status\":503,\"dry_run\":true}", 200).get("count").asLong()).isEqualTo(4);
            assertThat(replay(host, "{\"response_status\":\"404\",\"dry_run\":true}", 200).get("count").asLong()).isZero();
            assertThat(replay(host, "{\"webhooks\":[\"" + fine + "\"],\"status\":\"succeeded\",\"dry_run\":true}", 200)
                    .get("count").asLong()).isEqualTo(3);
            assertThat(replay(host, "{\"status\":\"any\",\"dry_run\":true}", 200).get("count").asLong()).isEqualTo(7);
            assertThat(replay(host, "{\"status\":\"any\",\"from\":\"2999-01-01T00:00:00Z\",\"dry_run\":true}", 200)
                    .get("count").asLong()).isZero();

            down.respond(200, "back");
            int before = down.all().size();
            JsonNode job = replay(host, "{\"webhooks\":[\"" + failing + "\"],\"status\":\"failed\",\"response_status\":\"5xx\"}", 200);
            assertThat(job.get("status").asText()).isEqualTo("completed");
            assertThat(job.get("count").asLong()).isEqualTo(4);
            assertThat(job.get("queued").asLong()).isEqualTo(4);
            down.awaitCount(before + 4, Duration.ofSeconds(30));
            assertThat(count(host, "SELECT COUNT(*) FROM deliveries r JOIN deliveries o ON o.id = r.replay_of "
                    + "WHERE r.webhook_id = '" + failing + "' AND o.status = 'failed' AND r.event_id = o.event_id"))
                    .isEqualTo(4);
            JsonNode progress = host.http().get(REPLAY + "/" + job.get("id").asText()).json();
            assertThat(progress.get("status").asText()).isEqualTo("completed");
            assertThat(progress.get("percent").asInt()).isEqualTo(100);
            assertThat(progress.get("filter").get("response_status").asText()).isEqualTo("5xx");
        }
    }

    @Test
    void badFiltersAre400sNamingTheFieldAndWhatToFix() {
        try (TestHost host = TestHost.start()) {
            assertThat(error(host, "{\"status\":\"broken\"}", "status")).contains("failed, succeeded or any");
            assertThat(error(host, "{\"response_status\":\"6xx\"}", "response_status")).contains("such as 5xx");
            assertThat(error(host, "{\"from\":\"2026-02-01T00:00:00Z\",\"to\":\"2026-01-01T00:00:00Z\"}", "to"))
                    .contains("after from");
            assertThat(error(host, "{\"from\":\"yesterday\"}", "from")).contains("ISO-8601");
            assertThat(error(host, "{\"webhooks\":[\"wh_nope\"]}", "webhooks")).contains("wh_nope");
            assertThat(error(host, "{\"event_types\":[\"Not A Key\"]}", "event_types")).contains("not an event type key");
            assertThat(error(host, "{\"webhooks\":\"wh_1\"}", "webhooks")).contains("array");
            Http.Response unknown = host.http().postJson(REPLAY, "{\"stauts\":\"failed\"}");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.body()).contains("stauts");
            assertThat(host.http().get(REPLAY + "/rpl_nope").status()).isEqualTo(404);
        }
    }

    @Test
    void aLargeSetRunsInTheBackgroundAndARestartResumesItWithoutQueuingAnythingTwice() throws Exception {
        Path plugins = TestHost.tempDir("plugins");
        Path data = TestHost.tempDir("data");
        String jobId;
        int events = 1200;
        try (TestHost host = TestHost.start(plugins, data); Receiver up = new Receiver()) {
            host.createWebhook("Archive", up.url("/a"), "ping");
            for (int from = 0; from < events; from += 100) {
                String batch = IntStream.range(from, from + 100).mapToObj(n -> "{\"type\":\"ping\",\"data\":{\"n\":" + n + "}}")
                        .collect(Collectors.joining(",", "{\"events\":[", "]}"));
                assertThat(host.http().postJson("/api/v1/events/batch", batch).status()).isEqualTo(202);
            }
            Await.until("every delivery succeeded", WAIT, () -> count(host,
                    "SELECT COUNT(*) FROM deliveries WHERE status = 'succeeded'") == events);
            JsonNode job = replay(host, "{\"status\":\"succeeded\"}", 202);
            jobId = job.get("id").asText();
            assertThat(job.get("status").asText()).isEqualTo("running");
            assertThat(job.get("count").asLong()).isEqualTo(events);
            // Closed at once: however far the job got, the restart must finish it.
        }
        try (TestHost again = TestHost.start(plugins, data)) {
            JsonNode done = Await.value("the replay completes", WAIT, () -> again.http().get(REPLAY + "/" + jobId).json(),
                    j -> "completed".equals(j.get("status").asText()));
            assertThat(done.get("queued").asLong()).isEqualTo(events);
            assertThat(count(again, "SELECT COUNT(*) FROM deliveries WHERE replay_of IS NOT NULL")).isEqualTo(events);
            assertThat(count(again, "SELECT COUNT(DISTINCT replay_of) FROM deliveries WHERE replay_of IS NOT NULL"))
                    .as("each original queued once").isEqualTo(events);
        }
    }

    private static JsonNode replay(TestHost host, String body, int status) {
        Http.Response r = host.http().postJson(REPLAY, body);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    private static String error(TestHost host, String body, String field) {
        Http.Response r = host.http().postJson(REPLAY, body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("details").has(field)).as(r.body()).isTrue();
        return r.json().get("details").get(field).asText();
    }

    private static long count(TestHost host, String sql) {
        try (Connection c = host.connection(); PreparedStatement q = c.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
