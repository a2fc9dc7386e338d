package io.plugboard.plugins.azuremonitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Azure Monitor's documented common-schema alerts (test resources) in and shared-model alerts out. */
class TestAzureMonitorReceiver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALERT_ID = "/subscriptions/11111111-2222-3333-4444-555555555555/providers/"
            + "Microsoft.AlertsManagement/alerts/b9569717-bc32-442f-add5-83a997729330";

    private final AzureMonitorReceiver receiver = new AzureMonitorReceiver();

    @Test
    void firedThenResolvedPairByAlertKey() throws IOException {
        ReceivedEvent firing = only(sample("metric-alert-fired.json"));
        ReceivedEvent resolved = only(sample("metric-alert-resolved.json"));

        JsonNode fired = JSON.readTree(firing.dataJson());
        JsonNode ended = JSON.readTree(resolved.dataJson());
        assertThat(firing.type()).isEqualTo("alert_firing");
        assertThat(resolved.type()).isEqualTo("alert_resolved");
        assertThat(fired.path("alert_key").asText()).isEqualTo("azure-monitor:" + ALERT_ID)
                .isEqualTo(ended.path("alert_key").asText());
        assertThat(firing.externalId()).contains(ALERT_ID + ":Fired");
        assertThat(resolved.externalId()).contains(ALERT_ID + ":Resolved");
        assertThat(fired.path("started_at").asText()).isEqualTo("2019-03-22T13:58:24.371321300Z");
        assertThat(fired.path("ended_at").isNull()).isTrue();
        assertThat(resolved.occurredAt()).contains(Instant.parse("2019-03-22T14:03:16.2246313Z"));
    }

    @Test
    void theEssentialsMapOntoTheSharedModel() throws IOException {
        JsonNode data = JSON.readTree(only(sample("metric-alert-fired.json")).dataJson());

        assertThat(data.path("title").asText()).isEqualTo("WCUS-R2-Gen2");
        assertThat(data.path("rule").asText()).isEqualTo("WCUS-R2-Gen2");
        assertThat(data.path("description").asText()).isEqualTo("CPU above 25% on the WCUS VM");
        assertThat(data.path("severity").asText()).isEqualTo("warning");
        assertThat(data.path("severity_original").asText()).isEqualTo("Sev3");
        assertThat(data.path("source").asText()).isEqualTo("azure-monitor");
        assertThat(data.at("/resource/name").asText()).isEqualTo("wcus-r2-gen2");
        assertThat(data.at("/resource/type").asText()).isEqualTo("microsoft.compute/virtualmachines");
        assertThat(data.at("/resource/id").asText()).endsWith("/virtualmachines/wcus-r2-gen2");
        assertThat(data.path("link").asText()).isEqualTo("https://portal.azure.com/#resource" + ALERT_ID);
        assertThat(JSON.convertValue(data.path("labels"), Map.class))
                .as("strings only").containsExactlyInAnyOrderEntriesOf(Map.of("Key1", "Value1", "Key2", "Value2"));
        assertThat(data.at("/raw/alertContext/conditionType").asText()).isEqualTo("SingleResourceMultipleMetricCriteria");
    }

    @Test
    void sevZeroToFourMapToTheModelsSeverities() throws IOException {
        Map<String, String> expected = Map.of("Sev0", "critical", "Sev1", "critical", "Sev2", "error",
                "Sev3", "warning", "Sev4", "info", "Sev9", "warning");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            ObjectNode body = (ObjectNode) JSON.readTree(sample("metric-alert-fired.json"));
            ((ObjectNode) body.at("/data/essentials")).put("severity", e.getKey());
            JsonNode data = JSON.readTree(only(body.toString()).dataJson());
            assertThat(data.path("severity").asText()).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void anInvestigationLinkIsPreferredAndNestedTargetsKeepTheirFullType() throws IOException {
        ObjectNode body = (ObjectNode) JSON.readTree(sample("metric-alert-fired.json"));
        ObjectNode essentials = (ObjectNode) body.at("/data/essentials");
        essentials.put("investigationLink", "https://portal.azure.com/#view/Microsoft_Azure_Monitoring_Alerts/x");
        essentials.putArray("alertTargetIDs").add("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Sql/servers/sql-1/databases/orders");
        JsonNode data = JSON.readTree(only(body.toString()).dataJson());
        assertThat(data.path("link").asText()).isEqualTo("https://portal.azure.com/#view/Microsoft_Azure_Monitoring_Alerts/x");
        assertThat(data.at("/resource/name").asText()).isEqualTo("orders");
        assertThat(data.at("/resource/type").asText()).isEqualTo("Microsoft.Sql/servers/databases");
    }

    @Test
    void anotherSchemaIsRefusedNamingTheSwitchToTurnOn() throws IOException {
        assertThatThrownBy(() -> receiver.parse(request(sample("legacy-metric-alert.json"))))
                .isInstanceOf(UnparseableRequestException.class)
                .hasMessageContaining("\"AzureMonitorMetricAlert\"")
                .hasMessageContaining("Enable the common alert schema");
    }

    @Test
    void malformedBodiesAreUnparseable() throws IOException {
        String fired = sample("metric-alert-fired.json");
        Map<String, String> broken = Map.of(
                "{\"schemaId\":", "the body is not JSON",
                "\"text\"", "a JSON object",
                "{\"data\":{}}", "without schemaId",
                "{\"schemaId\":\"azureMonitorCommonAlertSchema\",\"data\":{}}", "data.essentials must be an object",
                fired.replace("\"Fired\"", "\"Acknowledged\""), "Fired or Resolved",
                fired.replace("2019-03-22T13:58:24.3713213Z", "22/03/2019 13:58"), "firedDateTime is not an ISO-8601 time",
                fired.replace("\"firedDateTime\"", "\"firedAt\""), "firedDateTime is required",
                fired.replace("\"alertId\"", "\"id\""), "alertId is required");
        broken.forEach((body, message) -> assertThatThrownBy(() -> receiver.parse(request(body)))
                .as(message).isInstanceOf(UnparseableRequestException.class).hasMessageContaining(message));
        String notObject = fired.replace("\"customProperties\": {", "\"customProperties\": [\"a\"], \"x\": {");
        assertThatThrownBy(() -> receiver.parse(request(notObject))).isInstanceOf(UnparseableRequestException.class)
                .hasMessageContaining("data.customProperties must be an object");
    }

    private ReceivedEvent only(String body) {
        List<ReceivedEvent> events = receiver.parse(request(body)).events();
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static InboundRequest request(String body) {
        return InboundRequest.builder().body(body).header("Content-Type", "application/json").build();
    }

    static String sample(String name) throws IOException {
        try (InputStream in = TestAzureMonitorReceiver.class.getResourceAsStream("/samples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
