package io.plugboard.plugins.datadog;

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

/** The built jar in a real host: a Datadog trigger and recovery through an inbound webhook's URL. */
class ITDatadogReceiverHost {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> post(String url, String body, String secret) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("X-Plugboard-Secret", secret).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void trigger_and_recovery_become_a_firing_and_resolved_pair_and_a_bad_secret_is_refused() throws Exception {
        try (PluginHarness harness = PluginHarness.builder().jar(Path.of(System.getProperty("plugin.jar"))).start()) {
            JsonNode inbound = harness.api().post("/api/v1/inbound-webhooks", Map.of("name", "Datadog", "receiver", "datadog",
                    "settings", Map.of("secret", TestDatadogReceiver.SECRET))).expect(201).json();
            String url = inbound.path("url").asText();
            String id = inbound.path("id").asText();

            for (String sample : new String[] {"triggered.json", "recovered.json"}) {
                HttpResponse<String> r = post(url, TestDatadogReceiver.sample(sample), TestDatadogReceiver.SECRET);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            }
            // Datadog's retry of the trigger (same $ID) is not emitted twice.
            assertThat(post(url, TestDatadogReceiver.sample("triggered.json"), TestDatadogReceiver.SECRET).statusCode()).isEqualTo(202);
            JsonNode events = harness.api().get("/api/v1/received-events?inbound_webhook=" + id).expect(200).json().path("data");
            assertThat(events).hasSize(2);
            assertThat(events).extracting(e -> e.path("type").asText()).containsExactlyInAnyOrder("alert_firing", "alert_resolved");
            assertThat(events).extracting(e -> e.path("data").path("alert_key").asText()).containsOnly("datadog:7412345678901234567");

            assertThat(post(url, TestDatadogReceiver.sample("triggered.json"), "not-the-secret").statusCode()).isEqualTo(401);
            JsonNode errors = harness.api().get("/api/v1/inbound-webhooks/" + id + "/errors").expect(200).json();
            JsonNode first = errors.has("data") ? errors.path("data").path(0) : errors.path(0);
            assertThat(first.path("status").asInt()).isEqualTo(401);
            assertThat(first.path("kind").asText()).isEqualTo("rejected");
        }
    }
}
