package io.plugboard.host.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugboard.host.testing.Receiver;
import io.plugboard.host.testing.TestHost;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestOutboxAndShutdown {

    @Test
    void emitInTransactionDeliversOnlyWhatTheCallerCommits() throws Exception {
        try (Receiver r = new Receiver(); TestHost t = TestHost.start(TestHost.tempDir("plugins"))) {
            t.createWebhook("Outbox", r.url("/o"), "ping");
            try (Connection c = t.connection()) {
                if (!t.onPostgres()) {
                    c.createStatement().execute("PRAGMA busy_timeout = 10000");
                }
                c.setAutoCommit(false);
                String rolledBack = t.host().emitInTransaction(c, "ping", Map.of("n", 1));
                c.rollback();
                String committed = t.host().emitInTransaction(c, "ping", Map.of("n", 2));
                c.commit();

                Receiver.Request got = r.next(Duration.ofSeconds(10));
                assertThat(got.header("webhook-id")).isEqualTo(committed);
                // Only what is in the store is ever sent: with no event row and no delivery row for the
                // rolled-back emit, there is nothing to wait for.
                assertThat(count(c, "SELECT COUNT(*) FROM events WHERE id = '" + rolledBack + "'")).isZero();
                assertThat(count(c, "SELECT COUNT(*) FROM deliveries")).as("the committed event's only").isEqualTo(1);
                assertThat(r.all()).as("the rolled-back event is never sent").hasSize(1);
            }
        }
    }

    @Test
    void closeWaitsForRequestsInFlightAndRecordsThem() throws Exception {
        try (Receiver r = new Receiver().script(req -> new Receiver.Reply(200, "late but fine", Map.of(), 700))) {
            var plugins = TestHost.tempDir("plugins");
            var data = TestHost.tempDir("data");
            String webhook;
            try (TestHost t = TestHost.start(plugins, data)) {
                webhook = t.createWebhook("Slow", r.url("/slow"), "ping").get("id").asText();
                t.host().events().emit("ping", Map.of("n", 1));
                r.next(Duration.ofSeconds(10));
            } // close() while the request is in flight: it must wait for the answer and record it
            try (Connection c = TestHost.connection(data);
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT status, attempts FROM deliveries WHERE webhook_id = '" + webhook + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("status")).isEqualTo("succeeded");
                assertThat(rs.getInt("attempts")).isEqualTo(1);
            }
        }
    }

    private static int count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
