package io.plugboard.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.Await;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A background worker that fails is never a silent "ok": {@code /health} answers 503 {@code degraded}
 * naming it, {@link Plugboard#health()} says why, and both are {@code ok} again once it recovers. The
 * failure is real: the dispatcher's table of webhooks is renamed away under the running host.
 */
class TestWorkerHealth {

    @Test
    void aFailingDispatcherMakesHealthDegradedUntilItRecovers() throws SQLException {
        try (TestHost host = TestHost.start()) {
            Http anyone = new Http(host.host().baseUrl());
            assertThat(anyone.get("/health").status()).isEqualTo(200);
            assertThat(host.host().health().status()).isEqualTo(HostHealth.Status.OK);

            execute(host, "ALTER TABLE webhooks RENAME TO webhooks_moved_away");
            Http.Response degraded = Await.value("/health reports the dispatcher", () -> anyone.get("/health"),
                    r -> r.status() == 503);
            JsonNode body = degraded.json();
            assertThat(body.get("status").asText()).isEqualTo("degraded");
            assertThat(body.get("error").asText()).isEqualTo("background worker failing: dispatcher");
            assertThat(body.get("instance_id").asText()).isEqualTo(host.host().instanceId());
            JsonNode problem = body.get("problems").get(0);
            assertThat(problem.get("component").asText()).isEqualTo("dispatcher");
            assertThat(problem.get("error").asText()).as("the type only, for anyone").endsWith("(see the host's log)")
                    .doesNotContain("webhooks");
            assertThat(problem.get("failures").asInt()).isPositive();

            HostHealth health = host.host().health();
            assertThat(health.status()).isEqualTo(HostHealth.Status.DEGRADED);
            assertThat(health.problems()).singleElement().satisfies(p -> {
                assertThat(p.component()).isEqualTo("dispatcher");
                assertThat(p.error()).as("the embedder gets the message").containsIgnoringCase("webhooks");
            });

            execute(host, "ALTER TABLE webhooks_moved_away RENAME TO webhooks");
            Await.until("/health is ok again", () -> anyone.get("/health").status() == 200);
            assertThat(host.host().health().problems()).isEmpty();
        }
    }

    private static void execute(TestHost host, String sql) throws SQLException {
        try (Connection c = host.connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
