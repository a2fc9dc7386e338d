package io.plugboard.host.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code inbound_refused_burst}: an inbound webhook that refuses 3 requests within the window (an hour
 * here, so the test never races it) is told once, to a real receiver; more refusals in the same window
 * tell nothing more.
 */
class TestInboundRefusedBurst {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start(Inbound.pluginsWith("generic-json-receiver"), TestHost.tempDir("data"),
                b -> b.inboundRefusedBurst(3, Duration.ofHours(1)));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void threeRefusalsWithinTheWindowAreOneBurstToldOnce() throws Exception {
        try (Receiver alerts = new Receiver()) {
            host.createWebhook("Inbound alerts", alerts.url("/alerts"), "inbound_refused_burst");
            JsonNode inbound = Inbound.create(host, "Strict shop", "generic-json", Map.of("event_type", "order_placed"));
            String url = inbound.get("url").asText();
            for (int i = 0; i < 5; i++) {
                assertThat(Inbound.post(url, "{\"order_id\": " + i + "}", Map.of()).status()).isEqualTo(400);
            }
            List<Receiver.Request> got = alerts.awaitCount(1, Duration.ofSeconds(30));
            JsonNode event = JSON.readTree(got.get(0).body());
            assertThat(event.path("type").asText()).isEqualTo("inbound_refused_burst");
            JsonNode data = event.path("data");
            assertThat(data.path("inbound_webhook").path("id").asText()).isEqualTo(inbound.get("id").asText());
            assertThat(data.path("inbound_webhook").path("name").asText()).isEqualTo("Strict shop");
            assertThat(data.path("inbound_webhook").path("receiver").asText()).isEqualTo("generic-json");
            assertThat(data.path("refusals").asInt()).isEqualTo(3);
            assertThat(data.path("window_seconds").asInt()).isEqualTo(3600);
            assertThat(data.path("last_status").asInt()).isEqualTo(400);
            assertThat(data.path("last_message").asText()).contains("does not match the schema");
            // All five refusals are committed (each answered after its transaction): one burst event in all.
            assertThat(bursts()).isEqualTo(1);
            Await.until("nothing more is delivered", () -> pending() == 0);
            assertThat(alerts.all()).hasSize(1);
        }
    }

    private static long bursts() throws SQLException {
        return count("SELECT COUNT(*) FROM events WHERE type = 'inbound_refused_burst'");
    }

    private static long pending() {
        try {
            return count("SELECT COUNT(*) FROM deliveries WHERE status = 'pending'");
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = host.connection(); PreparedStatement q = c.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
