package io.plugboard.plugins.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built jar in a real host: GitHub's signed requests through {@code /hooks/in/…} become events. */
class ITGitHubReceiver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SECRET = "it-secret-" + UUID.randomUUID();

    private static PluginHarness harness;
    private static String inboundId;
    private static String url;

    @BeforeAll
    static void start() {
        harness = PluginHarness.builder().jar(Path.of(System.getProperty("plugin.jar", "target/github-receiver.jar"))).start();
        JsonNode created = harness.api().post("/api/v1/inbound-webhooks", Map.of("name", "GitHub " + UUID.randomUUID(),
                "receiver", "github", "settings", Map.of("secret", SECRET))).expect(201).json();
        inboundId = created.path("id").asText();
        url = created.path("url").asText();
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
        HttpResponse<String> first = post("push", delivery, body, GitHubRequests.signature(SECRET, body));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        String eventId = JSON.readTree(first.body()).path("event_ids").get(0).asText();

        List<JsonNode> received = received();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).path("id").asText()).isEqualTo(eventId);
        assertThat(received.get(0).path("type").asText()).isEqualTo("github.push");
        assertThat(received.get(0).path("data").path("delivery").asText()).isEqualTo(delivery);
        assertThat(received.get(0).path("origin").path("external_id").asText()).isEqualTo(delivery);

        HttpResponse<String> again = post("push", delivery, body, GitHubRequests.signature(SECRET, body));
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(again.body()).path("event_ids").get(0).asText()).isEqualTo(eventId);
        assertThat(received()).hasSize(1);
    }

    @Test
    void a_bad_signature_is_answered_401_and_recorded_among_the_errors() throws Exception {
        String body = GitHubRequests.resource("/github-docs/issues.json");
        HttpResponse<String> r = post("issues", UUID.randomUUID().toString(), body, GitHubRequests.signature("wrong", body));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("X-Hub-Signature-256 does not match").doesNotContain(SECRET);

        JsonNode errors = harness.api().get("/api/v1/inbound-webhooks/" + inboundId + "/errors").expect(200).json().path("data");
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

    private static HttpResponse<String> post(String event, String delivery, String body, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", delivery).header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static List<JsonNode> received() {
        List<JsonNode> events = new ArrayList<>();
        harness.api().get("/api/v1/received-events?inbound_webhook=" + inboundId).expect(200).json().path("data")
                .forEach(events::add);
        return events;
    }
}
