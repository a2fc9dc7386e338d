package io.plugboard.plugins.gcpmonitoring;

import static io.plugboard.plugins.gcpmonitoring.TestGoogleCloudMonitoringReceiver.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.testkit.HostApi;
import io.plugboard.testkit.PluginHarness;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The built jar in a real host: an inbound webhook of the {@code google-cloud-monitoring} receiver with
 * basic auth takes the documented open and closed notifications (202, two received events paired by
 * alert key, a retry emitted once, the firing delivered on), and refuses a wrong password (401) and a
 * body in another schema version (400), both recorded in the inbound webhook's errors.
 */
class ITGoogleCloudMonitoringThroughHost {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String password = "pw-" + UUID.randomUUID();
    private PluginHarness harness;
    private HostApi api;

    @BeforeEach
    void start() {
        harness = PluginHarness.builder()
                .jar(Path.of(System.getProperty("plugin.jar", "target/google-cloud-monitoring-receiver.jar"))).start();
        api = harness.api();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void notificationsBecomeAlertEventsAndRefusalsAreRecorded() throws Exception {
        JsonNode inbound = api.post("/api/v1/inbound-webhooks", Map.of("name", "Cloud Monitoring IT",
                "receiver", "google-cloud-monitoring",
                "settings", Map.of("username", "monitoring", "secret", password))).expect(201).json();
        String id = inbound.path("id").asText();
        String url = inbound.path("url").asText();
        String auth = basic("monitoring:" + password);

        HttpResponse<String> opened = post(url, sample("incident-open.json"), auth);
        HttpResponse<String> closed = post(url, sample("incident-closed.json"), auth);
        HttpResponse<String> retried = post(url, sample("incident-open.json"), auth);

        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(202);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(202);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
        assertThat(retried.body()).as("a retry answers with the earlier event").isEqualTo(opened.body());
        JsonNode events = api.get("/api/v1/received-events?inbound_webhook=" + id).expect(200).json().path("data");
        assertThat(events).hasSize(2);
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsExactlyInAnyOrder("alert_firing", "alert_resolved");
        events.forEach(e -> {
            assertThat(e.at("/data/alert_key").asText()).isEqualTo("google-cloud-monitoring:0.opqiw61fsv7p");
            assertThat(e.at("/data/source").asText()).isEqualTo("google-cloud-monitoring");
            assertThat(e.at("/origin/external_id").asText()).startsWith("0.opqiw61fsv7p:");
        });
        String firingId = eventId(opened.body());
        assertThat(harness.awaitDelivery(firingId).data().string("severity")).isEqualTo("critical");

        HttpResponse<String> wrongPassword = post(url, sample("incident-open.json"), basic("monitoring:nope"));
        HttpResponse<String> oldVersion = post(url, sample("incident-open.json").replace("\"1.2\"", "\"1.1\""), auth);

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).doesNotContain(password);
        assertThat(oldVersion.statusCode()).isEqualTo(400);
        JsonNode errors = api.get("/api/v1/inbound-webhooks/" + id + "/errors").expect(200).json();
        assertThat(errors.toString()).doesNotContain(password);
        List<String> kinds = new ArrayList<>();
        errors.path("data").forEach(e -> kinds.add(e.path("status").asInt() + " " + e.path("kind").asText()
                + ": " + e.path("message").asText()));
        assertThat(kinds).anySatisfy(k -> assertThat(k).startsWith("401 rejected").contains("Basic"))
                .anySatisfy(k -> assertThat(k).startsWith("400 parse_error").contains("\"1.2\""));
    }

    private static String eventId(String accepted) throws IOException {
        return JSON.readTree(accepted).path("event_ids").get(0).asText();
    }

    private static HttpResponse<String> post(String url, String body, String authorization) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
