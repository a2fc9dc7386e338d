package io.plugboard.plugins.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.RejectedRequestException;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import io.plugboard.sdk.settings.InvalidSettingsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Datadog receiver on the recommended payload template. */
class TestDatadogReceiver {

    static final String SECRET = "dd-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DatadogReceiver receiver = new DatadogReceiver();

    static String sample(String name) throws IOException {
        try (InputStream in = TestDatadogReceiver.class.getResourceAsStream("/datadog/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<ReceivedEvent> parse(String body, String... headers) {
        InboundRequest.Builder b = InboundRequest.builder().body(body).settings(Map.of("secret", SECRET));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return receiver.parse(b.build()).events();
    }

    private List<ReceivedEvent> parse(String body) {
        return parse(body, "X-Plugboard-Secret", SECRET);
    }

    private static JsonNode data(ReceivedEvent e) throws IOException {
        return JSON.readTree(e.dataJson());
    }

    @Test
    void triggered_fires_and_recovered_resolves_the_same_cycle() throws IOException {
        ReceivedEvent fired = parse(sample("triggered.json")).get(0);
        ReceivedEvent recovered = parse(sample("recovered.json")).get(0);
        assertThat(fired.type()).isEqualTo("alert_firing");
        assertThat(recovered.type()).isEqualTo("alert_resolved");
        JsonNode f = data(fired);
        assertThat(f.path("alert_key").asText()).isEqualTo("datadog:7412345678901234567")
                .isEqualTo(data(recovered).path("alert_key").asText());
        assertThat(f.path("source").asText()).isEqualTo("datadog");
        assertThat(f.path("title").asText()).isEqualTo("[P2] [Triggered on {host:web-1}] CPU usage is high on web-1");
        assertThat(f.path("severity").asText()).isEqualTo("error");
        assertThat(f.path("severity_original").asText()).isEqualTo("P2");
        assertThat(f.path("resource").path("name").asText()).isEqualTo("web-1");
        assertThat(f.path("labels").path("env").asText()).isEqualTo("prod");
        assertThat(f.path("labels").path("monitor").asText()).isEmpty();
        assertThat(f.path("labels").path("monitor_id").asText()).isEqualTo("123456789");
        assertThat(f.path("started_at").asText()).isEqualTo(Instant.ofEpochMilli(1795345333000L).toString());
        assertThat(f.path("raw").path("transition").asText()).isEqualTo("Triggered");
        assertThat(fired.externalId()).contains("7412345678901234567");
        assertThat(recovered.externalId()).contains("7412345678909999999");
        assertThat(data(recovered).path("ended_at").asText()).isEqualTo(Instant.ofEpochMilli(1795346233000L).toString());
    }

    @Test
    void severity_from_priority_else_alert_type() throws IOException {
        Map<String, String> byPriority = Map.of("P1", "critical", "P2", "error", "P3", "warning", "P4", "info", "P5", "info");
        for (Map.Entry<String, String> e : byPriority.entrySet()) {
            String body = "{\"title\":\"t\",\"transition\":\"Triggered\",\"alert_id\":\"1\",\"priority\":\"" + e.getKey() + "\"}";
            assertThat(data(parse(body).get(0)).path("severity").asText()).as(e.getKey()).isEqualTo(e.getValue());
        }
        Map<String, String> byType = Map.of("error", "error", "warning", "warning", "info", "info", "success", "info");
        for (Map.Entry<String, String> e : byType.entrySet()) {
            String body = "{\"title\":\"t\",\"transition\":\"Warn\",\"alert_id\":\"1\",\"priority\":\"\",\"alert_type\":\"" + e.getKey() + "\"}";
            assertThat(data(parse(body).get(0)).path("severity").asText()).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    @Test
    void without_a_cycle_key_the_monitor_and_scope_make_the_key() throws IOException {
        String body = "{\"title\":\"t\",\"transition\":\"No Data\",\"alert_id\":\"42\",\"scope\":\"host:db-1\"}";
        JsonNode d = data(parse(body).get(0));
        assertThat(d.path("alert_key").asText()).isEqualTo("datadog:42:host:db-1");
        assertThat(d.path("resource").path("type").asText()).isEqualTo("scope");
    }

    @Test
    void a_wrong_or_missing_secret_is_rejected() {
        assertThatThrownBy(() -> parse(sample("triggered.json"), "X-Other", SECRET))
                .isInstanceOf(RejectedRequestException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> parse(sample("triggered.json"), "X-Plugboard-Secret", "guess"))
                .isInstanceOf(RejectedRequestException.class);
    }

    @Test
    void malformed_bodies_are_unparseable() {
        for (String body : List.of("{", "\"x\"", "{\"title\":\"t\",\"alert_id\":\"1\"}",
                "{\"title\":\"t\",\"transition\":\"Exploded\",\"alert_id\":\"1\"}",
                "{\"transition\":\"Triggered\",\"alert_id\":\"1\"}",
                "{\"title\":\"t\",\"transition\":\"Triggered\"}",
                "{\"title\":\"t\",\"transition\":\"Triggered\",\"alert_id\":\"1\",\"date\":\"yesterday\"}",
                "{\"title\":\"t\",\"transition\":\"Triggered\",\"alert_id\":{\"a\":1}}")) {
            assertThatThrownBy(() -> parse(body)).as(body).isInstanceOf(UnparseableRequestException.class);
        }
    }

    @Test
    void settings_are_verified() {
        receiver.verify(Map.of("secret", SECRET));
        assertThatThrownBy(() -> receiver.verify(Map.of("secret", "short")))
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).problems()).containsOnlyKeys("secret"));
    }
}
