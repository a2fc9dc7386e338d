package io.plugboard.plugins.zabbix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.testkit.HostApi;
import io.plugboard.testkit.InboundWebhook;
import io.plugboard.testkit.PluginHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built jar in a real host, next to the Grafana receiver's jar: both start and share the alert
 * types; a Zabbix problem arrives through an inbound webhook's URL; a bad secret is refused.
 */
class ITZabbixReceiverHost {

    @Test
    void two_monitoring_receivers_share_the_alert_types_and_a_problem_is_received() throws Exception {
        Path grafana = Path.of(System.getProperty("grafana.plugin.jar"));
        assertThat(Files.isRegularFile(grafana)).as("build the Grafana receiver first (-am): " + grafana).isTrue();
        try (PluginHarness harness = PluginHarness.builder().jar(Path.of(System.getProperty("plugin.jar")))
                .withPlugin(grafana).start()) {
            assertThat(harness.plugin("grafana-receiver").started()).isTrue();
            assertThat(harness.plugin().started()).isTrue();
            JsonNode types = harness.api().get("/api/v1/event-types").expect(200).json().path("data");
            assertThat(types).filteredOn(t -> t.path("key").asText().equals("alert_firing")).hasSize(1);
            assertThat(types).filteredOn(t -> t.path("key").asText().equals("alert_resolved")).hasSize(1);
            JsonNode receivers = harness.api().get("/api/v1/receivers").expect(200).json().path("data");
            assertThat(receivers).extracting(r -> r.path("id").asText()).contains("zabbix", "grafana");

            InboundWebhook inbound = harness.inboundWebhook("zabbix", Map.of("secret", TestZabbixReceiver.SECRET));
            HostApi.Response accepted = inbound.post(TestZabbixReceiver.sample("problem.json"),
                    "X-Plugboard-Secret", TestZabbixReceiver.SECRET);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            JsonNode events = inbound.receivedEvents();
            assertThat(events).hasSize(1);
            assertThat(events.path(0).path("type").asText()).isEqualTo("alert_firing");
            assertThat(events.path(0).path("data").path("alert_key").asText()).isEqualTo("zabbix:98765");

            assertThat(inbound.post(TestZabbixReceiver.sample("recovery.json"), "X-Plugboard-Secret", "wrong-secret-wrong")
                    .status()).isEqualTo(401);
            JsonNode first = inbound.errors().path(0);
            assertThat(first.path("status").asInt()).isEqualTo(401);
            assertThat(first.path("kind").asText()).isEqualTo("rejected");
        }
    }
}
