package io.plugboard.plugins.github;

import static io.plugboard.plugins.github.GitHubRequests.resource;
import static io.plugboard.plugins.github.GitHubRequests.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.RejectedRequestException;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing GitHub's documented payloads, signed as GitHub signs them. */
class TestGitHubReceiver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DELIVERY = "72d3162e-cc78-11e3-81ab-4c9367dc0958";

    private final GitHubReceiver receiver = new GitHubReceiver();

    @Test
    void a_push_becomes_github_push_with_the_payload_plus_event_and_delivery() throws Exception {
        String body = resource("/github-docs/push.json");
        List<ReceivedEvent> events = receiver.parse(signed("push", DELIVERY, body).build()).events();

        assertThat(events).hasSize(1);
        ReceivedEvent event = events.get(0);
        assertThat(event.type()).isEqualTo("github.push");
        assertThat(event.externalId()).contains(DELIVERY);
        assertThat(event.occurredAt()).isEmpty();
        ObjectNode expected = (ObjectNode) JSON.readTree(body);
        expected.put("event", "push").put("delivery", DELIVERY);
        assertThat(JSON.readTree(event.dataJson())).isEqualTo(expected);
    }

    @Test
    void every_declared_sample_parses_back_into_its_own_type_and_data() throws Exception {
        for (String name : GitHubEvents.DECLARED.keySet()) {
            ObjectNode sample = (ObjectNode) JSON.readTree(resource("/github/samples/github." + name + ".json"));
            ObjectNode payload = sample.deepCopy();
            payload.remove(List.of("event", "delivery"));
            ReceivedEvent event = receiver.parse(signed(name, DELIVERY, payload.toString()).build()).events().get(0);
            assertThat(event.type()).as(name).isEqualTo("github." + name);
            assertThat(JSON.readTree(event.dataJson())).as(name).isEqualTo(sample);
        }
    }

    @Test
    void ping_is_emitted_as_github_ping_even_when_left_out_of_the_allow_list() {
        InboundRequest request = signed("ping", DELIVERY, resource("/github-docs/ping.json"))
                .settings(java.util.Map.of("secret", GitHubRequests.SECRET, "events", "push")).build();
        assertThat(receiver.parse(request).handshake()).isEmpty();
        assertThat(receiver.parse(request).events()).extracting(ReceivedEvent::type).containsExactly("github.ping");
    }

    @Test
    void a_redelivery_has_the_same_external_id_so_the_host_emits_it_once() {
        String body = resource("/github-docs/pull_request.json");
        ReceivedEvent first = receiver.parse(signed("pull_request", DELIVERY, body).build()).events().get(0);
        ReceivedEvent again = receiver.parse(signed("pull_request", DELIVERY, body).build()).events().get(0);
        assertThat(again.externalId()).isEqualTo(first.externalId()).contains(DELIVERY);
    }

    @Test
    void a_wrong_signature_or_a_missing_header_is_rejected() {
        String body = resource("/github-docs/issues.json");
        InboundRequest forged = signed("issues", DELIVERY, body).body(body.replace("Found a bug", "Found two bugs")).build();
        assertThatThrownBy(() -> receiver.parse(forged)).isInstanceOf(RejectedRequestException.class)
                .hasMessageContaining("X-Hub-Signature-256 does not match");

        InboundRequest noEvent = InboundRequest.builder().header("X-GitHub-Delivery", DELIVERY).body(body).build();
        assertThatThrownBy(() -> receiver.parse(noEvent)).isInstanceOf(RejectedRequestException.class)
                .hasMessageContaining("X-GitHub-Event is missing");
        InboundRequest noDelivery = InboundRequest.builder().header("X-GitHub-Event", "issues").body(body).build();
        assertThatThrownBy(() -> receiver.parse(noDelivery)).isInstanceOf(RejectedRequestException.class)
                .hasMessageContaining("X-GitHub-Delivery is missing");
    }

    @Test
    void a_body_that_is_not_a_json_object_is_unparseable() {
        assertThatThrownBy(() -> receiver.parse(signed("push", DELIVERY, "{\"ref\": ").build()))
                .isInstanceOf(UnparseableRequestException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> receiver.parse(signed("push", DELIVERY, "[1, 2]").build()))
                .isInstanceOf(UnparseableRequestException.class).hasMessageContaining("JSON object");
        InboundRequest form = InboundRequest.builder().header("X-GitHub-Event", "push").header("X-GitHub-Delivery", DELIVERY)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Hub-Signature-256", GitHubRequests.signature(GitHubRequests.SECRET, "payload=%7B%7D"))
                .body("payload=%7B%7D").settings(java.util.Map.of("secret", GitHubRequests.SECRET)).build();
        assertThatThrownBy(() -> receiver.parse(form)).isInstanceOf(UnparseableRequestException.class)
                .hasMessageContaining("application/json");
    }

    @Test
    void an_undeclared_event_is_github_other_or_refused_as_the_setting_says() throws Exception {
        String body = "{\"action\":\"created\",\"label\":{\"name\":\"triage\"}}";
        ReceivedEvent other = receiver.parse(signed("label", DELIVERY, body).build()).events().get(0);
        assertThat(other.type()).isEqualTo("github.other");
        JsonNode data = JSON.readTree(other.dataJson());
        assertThat(data.path("event").asText()).isEqualTo("label");
        assertThat(data.path("label").path("name").asText()).isEqualTo("triage");

        InboundRequest refused = signed("label", DELIVERY, body)
                .settings(java.util.Map.of("secret", GitHubRequests.SECRET, "unknown_events", "refuse")).build();
        assertThatThrownBy(() -> receiver.parse(refused)).isInstanceOf(UnparseableRequestException.class)
                .hasMessageContaining("'label'").hasMessageContaining("unknown_events");
    }

    @Test
    void an_event_left_out_of_the_allow_list_is_accepted_and_emits_nothing() {
        InboundRequest request = signed("issues", DELIVERY, resource("/github-docs/issues.json"))
                .settings(java.util.Map.of("secret", GitHubRequests.SECRET, "events", "push,\npull_request")).build();
        assertThat(receiver.parse(request).events()).isEmpty();
    }
}
