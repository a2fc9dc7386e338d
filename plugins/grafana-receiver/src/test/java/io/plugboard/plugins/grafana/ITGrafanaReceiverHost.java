package io.plugboard.plugins.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.testkit.PluginHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built jar in a real host: Grafana's notification through an inbound webhook's URL. */
class ITGrafanaReceiverHost {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> post(String url, String body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_notification_becomes_alert_events_and_a_bad_credential_is_refused() throws Exception {
        try (PluginHarness harness = PluginHarness.builder().jar(Path.of(System.getProperty("plugin.jar"))).start()) {
            JsonNode inbound = harness.api().post("/api/v1/inbound-webhooks", Map.of("name", "Grafana", "receiver", "grafana",
                    "settings", Map.of("auth_scheme", "bearer", "secret", "it-bearer-token"))).expect(201).json();
            String url = inbound.path("url").asText();
            String id = inbound.path("id").asText();

            HttpResponse<String> accepted = post(url, TestGrafanaReceiver.sample("firing.json"), "Bearer it-bearer-token");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            JsonNode events = harness.api().get("/api/v1/received-events?inbound_webhook=" + id).expect(200).json().path("data");
            assertThat(events).hasSize(2);
            assertThat(events).allMatch(e -> e.path("type").asText().equals("alert_firing")
                    && e.path("data").path("source").asText().equals("grafana"));

            HttpResponse<String> rejected = post(url, TestGrafanaReceiver.sample("resolved.json"), "Bearer wrong");
            assertThat(rejected.statusCode()).isEqualTo(401);
            JsonNode errors = harness.api().get("/api/v1/inbound-webhooks/" + id + "/errors").expect(200).json();
            JsonNode first = errors.has("data") ? errors.path("data").path(0) : errors.path(0);
            assertThat(first.path("status").asInt()).isEqualTo(401);
            assertThat(first.path("kind").asText()).isEqualTo("rejected");
            assertThat(first.path("message").asText()).doesNotContain("it-bearer-token");
        }
    }
}
