package io.plugboard.plugins.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.testkit.HostApi;
import io.plugboard.testkit.InboundWebhook;
import io.plugboard.testkit.PluginHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built jar in a real host: GitHub's signed requests through {@code /hooks/in/…} become events. */
class ITGitHubReceiver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "it-secret-" + UUID.randomUUID();

    private static PluginHarness harness;
    private static InboundWebhook inbound;

    @BeforeAll
    static void start() {
        harness = PluginHarness.builder().jar(Path.of(System.getProperty("plugin.jar", "target/github-receiver.jar"))).start();
        inbound = harness.inboundWebhook("github", Map.of("secret", SECRET));
    }

    @AfterAll
    static void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void a_signed_push_is_accepted_once_and_a_redelivery_returns_the_same_event() throws Exception {
        String delivery = UUID.randomUUID().toString();
        String body = GitHubRequests.resource("/github-docs/push.json");
        HostApi.Response first = post("push", delivery, body, GitHubRequests.signature(SECRET, body));
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        String eventId = JSON.readTree(first.body()).path("event_ids").get(0).asText();

        List<JsonNode> received = received();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).path("id").asText()).isEqualTo(eventId);
        assertThat(received.get(0).path("type").asText()).isEqualTo("github.push");
        assertThat(received.get(0).path("data").path("delivery").asText()).isEqualTo(delivery);
        assertThat(received.get(0).path("origin").path("external_id").asText()).isEqualTo(delivery);

        HostApi.Response again = post("push", delivery, body, GitHubRequests.signature(SECRET, body));
        assertThat(again.status()).isEqualTo(202);
        assertThat(JSON.readTree(again.body()).path("event_ids").get(0).asText()).isEqualTo(eventId);
        assertThat(received()).hasSize(1);
    }

    @Test
    void a_bad_signature_is_answered_401_and_recorded_among_the_errors() throws Exception {
        String body = GitHubRequests.resource("/github-docs/issues.json");
        HostApi.Response r = post("issues", UUID.randomUUID().toString(), body, GitHubRequests.signature("wrong", body));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.body()).contains("X-Hub-Signature-256 does not match").doesNotContain(SECRET);

        JsonNode errors = inbound.errors();
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.path("status").asInt()).isEqualTo(401);
            assertThat(e.path("kind").asText()).isEqualTo("rejected");
            assertThat(e.path("message").asText()).contains("X-Hub-Signature-256");
        });
    }

    @Test
    void the_event_types_are_in_the_catalog() {
        List<String> keys = new ArrayList<>();
        harness.api().get("/api/v1/event-types").expect(200).json().path("data").forEach(t -> keys.add(t.path("key").asText()));
        assertThat(keys).contains("github.ping", "github.push", "github.pull_request", "github.issues", "github.release",
                "github.workflow_run", "github.other");
    }

    private static HostApi.Response post(String event, String delivery, String body, String signature) {
        return inbound.post(body, "X-GitHub-Event", event, "X-GitHub-Delivery", delivery, "X-Hub-Signature-256", signature);
    }

    private static List<JsonNode> received() {
        List<JsonNode> events = new ArrayList<>();
        inbound.receivedEvents().forEach(events::add);
        return events;
    }
}
