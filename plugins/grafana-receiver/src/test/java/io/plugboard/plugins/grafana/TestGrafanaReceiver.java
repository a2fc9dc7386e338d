package io.plugboard.plugins.grafana;

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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Grafana receiver on Grafana's documented webhook payloads. */
class TestGrafanaReceiver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final GrafanaReceiver receiver = new GrafanaReceiver();

    static String sample(String name) throws IOException {
        try (InputStream in = TestGrafanaReceiver.class.getResourceAsStream("/grafana/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<ReceivedEvent> parse(String body, Map<String, String> settings, String... headers) {
        InboundRequest.Builder b = InboundRequest.builder().body(body).settings(settings);
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return receiver.parse(b.build()).events();
    }

    private static JsonNode data(ReceivedEvent e) throws IOException {
        return JSON.readTree(e.dataJson());
    }

    @Test
    void firing_notification_gives_one_alert_firing_per_alert() throws IOException {
        List<ReceivedEvent> events = parse(sample("firing.json"), Map.of());
        assertThat(events).hasSize(2).allMatch(e -> e.type().equals("alert_firing"));
        JsonNode first = data(events.get(0));
        assertThat(first.path("title").asText()).isEqualTo("Memory above 90% on web-1");
        assertThat(first.path("description").asText()).isEqualTo("The system has high memory usage");
        assertThat(first.path("source").asText()).isEqualTo("grafana");
        assertThat(first.path("alert_key").asText()).isEqualTo("grafana:c6eadffa33fcdf37");
        assertThat(first.path("severity").asText()).isEqualTo("critical");
        assertThat(first.path("severity_original").asText()).isEqualTo("critical");
        assertThat(first.path("rule").asText()).isEqualTo("High memory usage");
        assertThat(first.path("resource").path("name").asText()).isEqualTo("web-1:9100");
        assertThat(first.path("started_at").asText()).isEqualTo("2026-11-22T10:02:13.157076Z");
        assertThat(first.path("ended_at").isNull()).isTrue();
        assertThat(first.path("link").asText()).isEqualTo("https://grafana.example/alerting/grafana/1afz29v7z/view");
        assertThat(first.path("labels").path("team").asText()).isEqualTo("blue");
        assertThat(first.path("raw").path("valueString").asText()).startsWith("[ var='B'");
        assertThat(events.get(0).externalId()).contains("c6eadffa33fcdf37:firing:2026-11-22T10:02:13.157076Z");
        assertThat(events.get(0).occurredAt()).contains(Instant.parse("2026-11-22T10:02:13.157076Z"));
        // Without a severity label or a summary: warning, and the alert's name as title.
        JsonNode second = data(events.get(1));
        assertThat(second.path("severity").asText()).isEqualTo("warning");
        assertThat(second.path("severity_original").isNull()).isTrue();
        assertThat(second.path("title").asText()).isEqualTo("High memory usage");
    }

    @Test
    void resolved_pairs_with_its_firing_by_alert_key() throws IOException {
        JsonNode firing = data(parse(sample("firing.json"), Map.of()).get(0));
        ReceivedEvent resolved = parse(sample("resolved.json"), Map.of()).get(0);
        assertThat(resolved.type()).isEqualTo("alert_resolved");
        JsonNode data = data(resolved);
        assertThat(data.path("alert_key").asText()).isEqualTo(firing.path("alert_key").asText());
        assertThat(data.path("status").asText()).isEqualTo("resolved");
        assertThat(data.path("ended_at").asText()).isEqualTo("2026-11-22T10:12:13Z");
        assertThat(resolved.occurredAt()).contains(Instant.parse("2026-11-22T10:12:13Z"));
    }

    @Test
    void bearer_credentials_are_checked() throws IOException {
        Map<String, String> settings = Map.of("auth_scheme", "bearer", "secret", "s3cret-token");
        assertThat(parse(sample("firing.json"), settings, "Authorization", "Bearer s3cret-token")).hasSize(2);
        assertThatThrownBy(() -> parse(sample("firing.json"), settings))
                .isInstanceOf(RejectedRequestException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> parse(sample("firing.json"), settings, "Authorization", "Bearer wrong"))
                .isInstanceOf(RejectedRequestException.class).hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> parse(sample("firing.json"), settings, "Authorization", "Basic czNjcmV0LXRva2Vu"))
                .isInstanceOf(RejectedRequestException.class);
    }

    @Test
    void basic_credentials_are_checked() throws IOException {
        Map<String, String> settings = Map.of("auth_scheme", "basic", "username", "grafana", "secret", "pa55word");
        String good = Base64.getEncoder().encodeToString("grafana:pa55word".getBytes(StandardCharsets.UTF_8));
        String bad = Base64.getEncoder().encodeToString("grafana:nope".getBytes(StandardCharsets.UTF_8));
        assertThat(parse(sample("firing.json"), settings, "Authorization", "Basic " + good)).hasSize(2);
        assertThatThrownBy(() -> parse(sample("firing.json"), settings, "Authorization", "Basic " + bad))
                .isInstanceOf(RejectedRequestException.class);
    }

    @Test
    void malformed_bodies_are_unparseable() {
        for (String body : List.of("not json", "[]", "{\"version\":\"4\",\"alerts\":[]}", "{\"version\":\"1\"}",
                "{\"version\":\"1\",\"alerts\":[{\"status\":\"pending\",\"fingerprint\":\"a\",\"startsAt\":\"2026-01-01T00:00:00Z\"}]}",
                "{\"version\":\"1\",\"alerts\":[{\"status\":\"firing\",\"fingerprint\":\"a\",\"startsAt\":\"yesterday\"}]}",
                "{\"version\":\"1\",\"alerts\":[{\"status\":\"firing\",\"startsAt\":\"2026-01-01T00:00:00Z\"}]}",
                "{\"version\":\"1\",\"alerts\":[{\"status\":\"firing\",\"fingerprint\":\"a\",\"startsAt\":\"2026-01-01T00:00:00Z\",\"labels\":{\"x\":1}}]}")) {
            assertThatThrownBy(() -> parse(body, Map.of())).as(body).isInstanceOf(UnparseableRequestException.class);
        }
    }

    @Test
    void settings_are_verified() {
        receiver.verify(Map.of("auth_scheme", "none"));
        receiver.verify(Map.of("auth_scheme", "bearer", "secret", "x"));
        assertThatThrownBy(() -> receiver.verify(Map.of("auth_scheme", "bearer")))
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).problems()).containsKey("secret"));
        assertThatThrownBy(() -> receiver.verify(Map.of("auth_scheme", "basic", "secret", "x")))
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).problems()).containsKey("username"));
        assertThatThrownBy(() -> receiver.verify(Map.of("auth_scheme", "none", "secret", "x")))
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).problems()).containsKey("auth_scheme"));
    }
}
