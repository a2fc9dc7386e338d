package io.plugboard.plugins.zabbix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.testkit.PluginHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The built jar in a real host, next to the Grafana receiver's jar: both start and share the alert
 * types; a Zabbix problem arrives through an inbound webhook's URL; a bad secret is refused.
 */
class ITZabbixReceiverHost {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> post(String url, String body, String secret) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("X-Plugboard-Secret", secret).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

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

            JsonNode inbound = harness.api().post("/api/v1/inbound-webhooks", Map.of("name", "Zabbix", "receiver", "zabbix",
                    "settings", Map.of("secret", TestZabbixReceiver.SECRET))).expect(201).json();
            String url = inbound.path("url").asText();
            String id = inbound.path("id").asText();
            HttpResponse<String> accepted = post(url, TestZabbixReceiver.sample("problem.json"), TestZabbixReceiver.SECRET);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            JsonNode events = harness.api().get("/api/v1/received-events?inbound_webhook=" + id).expect(200).json().path("data");
            assertThat(events).hasSize(1);
            assertThat(events.path(0).path("type").asText()).isEqualTo("alert_firing");
            assertThat(events.path(0).path("data").path("alert_key").asText()).isEqualTo("zabbix:98765");

            assertThat(post(url, TestZabbixReceiver.sample("recovery.json"), "wrong-secret-wrong").statusCode()).isEqualTo(401);
            JsonNode errors = harness.api().get("/api/v1/inbound-webhooks/" + id + "/errors").expect(200).json();
            JsonNode first = errors.has("data") ? errors.path("data").path(0) : errors.path(0);
            assertThat(first.path("status").asInt()).isEqualTo(401);
            assertThat(first.path("kind").asText()).isEqualTo("rejected");
        }
    }
}
