package io.plugboard.plugins.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.testkit.HostApi;
import io.plugboard.testkit.InboundWebhook;
import io.plugboard.testkit.PluginHarness;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built jar in a real host: Grafana's notification through an inbound webhook's URL. */
class ITGrafanaReceiverHost {

    @Test
    void a_notification_becomes_alert_events_and_a_bad_credential_is_refused() throws Exception {
        try (PluginHarness harness = PluginHarness.builder().jar(Path.of(System.getProperty("plugin.jar"))).start()) {
            InboundWebhook inbound = harness.inboundWebhook("grafana",
                    Map.of("auth_scheme", "bearer", "secret", "it-bearer-token"));

            HostApi.Response accepted = inbound.post(TestGrafanaReceiver.sample("firing.json"),
                    "Authorization", "Bearer it-bearer-token");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            JsonNode events = inbound.receivedEvents();
            assertThat(events).hasSize(2);
            assertThat(events).allMatch(e -> e.path("type").asText().equals("alert_firing")
                    && e.path("data").path("source").asText().equals("grafana"));

            HostApi.Response rejected = inbound.post(TestGrafanaReceiver.sample("resolved.json"), "Authorization", "Bearer wrong");
            assertThat(rejected.status()).isEqualTo(401);
            JsonNode first = inbound.errors().path(0);
            assertThat(first.path("status").asInt()).isEqualTo(401);
            assertThat(first.path("kind").asText()).isEqualTo("rejected");
            assertThat(first.path("message").asText()).doesNotContain("it-bearer-token");
        }
    }
}
