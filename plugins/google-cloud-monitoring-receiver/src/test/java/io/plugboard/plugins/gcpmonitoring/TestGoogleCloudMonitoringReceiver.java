package io.plugboard.plugins.gcpmonitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.RejectedRequestException;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import io.plugboard.sdk.settings.InvalidSettingsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cloud Monitoring's documented notifications (test resources) in and shared-model alerts out. */
class TestGoogleCloudMonitoringReceiver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> BASIC = Map.of("username", "monitoring", "secret", "s3cret-pass");

    private final GoogleCloudMonitoringReceiver receiver = new GoogleCloudMonitoringReceiver();

    @Test
    void anOpenIncidentFiresAndItsCloseResolvesWithTheSameAlertKey() throws IOException {
        ReceivedEvent firing = only(sample("incident-open.json"), Map.of());
        ReceivedEvent resolved = only(sample("incident-closed.json"), Map.of());

        JsonNode fired = JSON.readTree(firing.dataJson());
        JsonNode ended = JSON.readTree(resolved.dataJson());
        assertThat(firing.type()).isEqualTo("alert_firing");
        assertThat(resolved.type()).isEqualTo("alert_resolved");
        assertThat(fired.path("alert_key").asText()).isEqualTo("google-cloud-monitoring:0.opqiw61fsv7p")
                .isEqualTo(ended.path("alert_key").asText());
        assertThat(firing.externalId()).contains("0.opqiw61fsv7p:open");
        assertThat(resolved.externalId()).contains("0.opqiw61fsv7p:closed");
        assertThat(fired.path("status").asText()).isEqualTo("firing");
        assertThat(fired.path("started_at").asText()).isEqualTo("2020-01-01T01:01:01Z");
        assertThat(fired.path("ended_at").isNull()).isTrue();
        assertThat(ended.path("ended_at").asText()).isEqualTo("2020-01-01T11:11:11Z");
        assertThat(resolved.occurredAt()).contains(Instant.parse("2020-01-01T11:11:11Z"));
        assertThat(firing.occurredAt()).contains(Instant.parse("2020-01-01T01:01:01Z"));
    }

    @Test
    void theIncidentMapsOntoTheSharedModel() throws IOException {
        JsonNode data = JSON.readTree(only(sample("incident-open.json"), Map.of()).dataJson());

        assertThat(data.path("title").asText()).isEqualTo("[ALERT - Critical] CPU utilization high on gke-cluster-xxx");
        assertThat(data.path("description").asText()).startsWith("CPU is high on");
        assertThat(data.path("severity").asText()).isEqualTo("critical");
        assertThat(data.path("severity_original").asText()).isEqualTo("Critical");
        assertThat(data.path("source").asText()).isEqualTo("google-cloud-monitoring");
        assertThat(data.path("rule").asText()).isEqualTo("Monitor-Project-Cluster");
        assertThat(data.path("link").asText()).startsWith("https://console.cloud.google.com/monitoring/alerting/incidents/");
        assertThat(data.path("resource")).isEqualTo(JSON.readTree(
                "{\"name\":\"gke-cluster-xxx\",\"type\":\"gce_instance\",\"id\":\"11223344\"}"));
        assertThat(JSON.convertValue(data.path("labels"), Map.class)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "resource.instance_id", "11223344", "resource.project_id", "internal-project",
                "resource.zone", "us-central1-c", "metric.instance_name", "gke-cluster-xxx",
                "system.state", "ACTIVE", "team", "platform", "env", "production"));
        assertThat(data.path("raw").path("incident_id").asText()).isEqualTo("0.opqiw61fsv7p");
    }

    @Test
    void severityWordsMapAndNoSeverityIsAWarning() throws IOException {
        Map<String, String> expected = Map.of("Critical", "critical", "Error", "error", "Warning", "warning",
                "No severity", "warning");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            ObjectNode body = (ObjectNode) JSON.readTree(sample("incident-open.json"));
            ((ObjectNode) body.get("incident")).put("severity", e.getKey());
            JsonNode data = JSON.readTree(only(body.toString(), Map.of()).dataJson());
            assertThat(data.path("severity").asText()).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void withoutASubjectTheSummaryIsTheTitle() throws IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(sample("incident-open.json"));
        ((ObjectNode) body.at("/incident/documentation")).remove("subject");
        JsonNode data = JSON.readTree(only(body.toString(), Map.of()).dataJson());
        assertThat(data.path("title").asText()).startsWith("CPU utilization for internal-project gke-cluster-xxx");
    }

    @Test
    void basicCredentialsAreCheckedWhenSet() throws IOException {
        String body = sample("incident-open.json");
        assertThat(receiver.parse(request(body, BASIC, basic("monitoring:s3cret-pass"))).events()).hasSize(1);

        for (String header : new String[] {null, basic("monitoring:wrong"), basic("other:s3cret-pass"), "Basic %%%",
                "Bearer s3cret-pass"}) {
            assertThatThrownBy(() -> receiver.parse(request(body, BASIC, header))).as(String.valueOf(header))
                    .isInstanceOf(RejectedRequestException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret-pass"));
        }
    }

    @Test
    void malformedBodiesAreUnparseable() throws IOException {
        String open = sample("incident-open.json");
        Map<String, String> broken = Map.of(
                "not json", "the body is not JSON",
                "[]", "a JSON object",
                open.replace("\"version\": \"1.2\"", "\"version\": \"1.1\""), "version \"1.2\"",
                "{\"version\":\"1.2\"}", "incident must be an object",
                open.replace("\"state\": \"open\"", "\"state\": \"acknowledged\""), "open or closed",
                open.replace("\"started_at\": 1577840461", "\"started_at\": \"2020-01-01T01:01:01Z\""), "epoch seconds",
                open.replace("\"incident_id\": \"0.opqiw61fsv7p\",", ""), "incident.incident_id is required",
                open.replace("\"metadata\": {", "\"metadata\": [], \"x\": {"), "incident.metadata must be an object");
        broken.forEach((body, message) -> assertThatThrownBy(() -> receiver.parse(request(body, Map.of(), null)))
                .as(message).isInstanceOf(UnparseableRequestException.class).hasMessageContaining(message));
    }

    @Test
    void verifyWantsUsernameAndSecretTogether() {
        assertThatCode(() -> receiver.verify(Map.of())).doesNotThrowAnyException();
        assertThatCode(() -> receiver.verify(BASIC)).doesNotThrowAnyException();
        assertThatThrownBy(() -> receiver.verify(Map.of("username", "monitoring")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("secret");
        assertThatThrownBy(() -> receiver.verify(Map.of("secret", "x")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("username");
        assertThatThrownBy(() -> receiver.verify(Map.of("username", "a:b", "secret", "x")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("':'");
    }

    private ReceivedEvent only(String body, Map<String, String> settings) {
        List<ReceivedEvent> events = receiver.parse(request(body, settings, null)).events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static InboundRequest request(String body, Map<String, String> settings, String authorization) {
        InboundRequest.Builder b = InboundRequest.builder().body(body).settings(settings)
                .header("Content-Type", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    static String sample(String name) throws IOException {
        try (InputStream in = TestGoogleCloudMonitoringReceiver.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
