package io.plugboard.plugins.gcpmonitoring;

import static io.plugboard.plugins.gcpmonitoring.TestGoogleCloudMonitoringReceiver.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.testkit.HostApi;
import io.plugboard.testkit.InboundWebhook;
import io.plugboard.testkit.PluginHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String password = "pw-" + UUID.randomUUID();
    private PluginHarness harness;

    @BeforeEach
    void start() {
        harness = PluginHarness.builder()
                .jar(Path.of(System.getProperty("plugin.jar", "target/google-cloud-monitoring-receiver.jar"))).start();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void notificationsBecomeAlertEventsAndRefusalsAreRecorded() throws Exception {
        InboundWebhook inbound = harness.inboundWebhook("google-cloud-monitoring",
                Map.of("username", "monitoring", "secret", password));
        String auth = basic("monitoring:" + password);

        HostApi.Response opened = post(inbound, sample("incident-open.json"), auth);
        HostApi.Response closed = post(inbound, sample("incident-closed.json"), auth);
        HostApi.Response retried = post(inbound, sample("incident-open.json"), auth);

        assertThat(opened.status()).as(opened.body()).isEqualTo(202);
        assertThat(closed.status()).as(closed.body()).isEqualTo(202);
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        assertThat(retried.body()).as("a retry answers with the earlier event").isEqualTo(opened.body());
        JsonNode events = inbound.receivedEvents();
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

        HostApi.Response wrongPassword = post(inbound, sample("incident-open.json"), basic("monitoring:nope"));
        HostApi.Response oldVersion = post(inbound, sample("incident-open.json").replace("\"1.2\"", "\"1.1\""), auth);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).doesNotContain(password);
        assertThat(oldVersion.status()).isEqualTo(400);
        JsonNode errors = inbound.errors();
        assertThat(errors.toString()).doesNotContain(password);
        List<String> kinds = new ArrayList<>();
        errors.forEach(e -> kinds.add(e.path("status").asInt() + " " + e.path("kind").asText()
                + ": " + e.path("message").asText()));
        assertThat(kinds).anySatisfy(k -> assertThat(k).startsWith("401 rejected").contains("Basic"))
                .anySatisfy(k -> assertThat(k).startsWith("400 parse_error").contains("\"1.2\""));
    }

    private static String eventId(String accepted) throws IOException {
        return JSON.readTree(accepted).path("event_ids").get(0).asText();
    }

    private static HostApi.Response post(InboundWebhook inbound, String body, String authorization) {
        return inbound.post(body, "Authorization", authorization);
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
