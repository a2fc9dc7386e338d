package io.plugboard.plugins.azuremonitor;

import static io.plugboard.plugins.azuremonitor.TestAzureMonitorReceiver.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.testkit.HostApi;
import io.plugboard.testkit.PluginHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The built jar in a real host: an inbound webhook of the {@code azure-monitor} receiver takes the
 * documented Fired and Resolved alerts (202, two received events paired by alert key, a retry emitted
 * once, the firing delivered on), and refuses a legacy-schema body (400) and a wrong access key (404),
 * both recorded in the inbound webhook's errors.
 */
class ITAzureMonitorThroughHost {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private PluginHarness harness;
    private HostApi api;

    @BeforeEach
    void start() {
        harness = PluginHarness.builder()
                .jar(Path.of(System.getProperty("plugin.jar", "target/azure-monitor-receiver.jar"))).start();
        api = harness.api();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void alertsBecomeAlertEventsAndRefusalsAreRecorded() throws Exception {
        JsonNode inbound = api.post("/api/v1/inbound-webhooks", Map.of("name", "Azure Monitor IT",
                "receiver", "azure-monitor", "settings", Map.of())).expect(201).json();
        String id = inbound.path("id").asText();
        String url = inbound.path("url").asText();

        HttpResponse<String> fired = post(url, sample("metric-alert-fired.json"));
        HttpResponse<String> resolved = post(url, sample("metric-alert-resolved.json"));
        HttpResponse<String> retried = post(url, sample("metric-alert-fired.json"));

        assertThat(fired.statusCode()).as(fired.body()).isEqualTo(202);
        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(202);
        assertThat(retried.body()).as("a retry answers with the earlier event").isEqualTo(fired.body());
        JsonNode events = api.get("/api/v1/received-events?inbound_webhook=" + id).expect(200).json().path("data");
        assertThat(events).hasSize(2);
        List<String> types = new ArrayList<>();
        events.forEach(e -> {
            types.add(e.path("type").asText());
            assertThat(e.at("/data/alert_key").asText()).startsWith("azure-monitor:/subscriptions/")
                    .endsWith("/alerts/b9569717-bc32-442f-add5-83a997729330");
            assertThat(e.at("/data/resource/name").asText()).isEqualTo("wcus-r2-gen2");
        });
        assertThat(types).containsExactlyInAnyOrder("alert_firing", "alert_resolved");
        String firingId = JSON.readTree(fired.body()).path("event_ids").get(0).asText();
        assertThat(harness.awaitDelivery(firingId).data().string("severity")).isEqualTo("warning");

        HttpResponse<String> legacy = post(url, sample("legacy-metric-alert.json"));
        HttpResponse<String> wrongKey = post(url.substring(0, url.lastIndexOf('/') + 1) + "not-the-key",
                sample("metric-alert-fired.json"));

        assertThat(legacy.statusCode()).isEqualTo(400);
        assertThat(legacy.body()).contains("Enable the common alert schema");
        assertThat(wrongKey.statusCode()).isEqualTo(404);
        List<String> errors = new ArrayList<>();
        api.get("/api/v1/inbound-webhooks/" + id + "/errors").expect(200).json().path("data")
                .forEach(e -> errors.add(e.path("status").asInt() + " " + e.path("kind").asText()
                        + ": " + e.path("message").asText()));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("400 parse_error").contains("AzureMonitorMetricAlert"))
                .anySatisfy(e -> assertThat(e).startsWith("404 rejected"));
    }

    private static HttpResponse<String> post(String url, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
