package io.plugboard.plugins.zabbix;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Zabbix receiver on what the documented media type script sends. */
class TestZabbixReceiver {

    static final String SECRET = "0123456789abcdef0123";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ZabbixReceiver receiver = new ZabbixReceiver();

    static String sample(String name) throws IOException {
        try (InputStream in = TestZabbixReceiver.class.getResourceAsStream("/zabbix/" + name)) {
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

    private List<ReceivedEvent> parse(String body) {
        return parse(body, Map.of("secret", SECRET), "X-Plugboard-Secret", SECRET);
    }

    private static JsonNode data(ReceivedEvent e) throws IOException {
        return JSON.readTree(e.dataJson());
    }

    @Test
    void a_problem_fires_and_its_recovery_resolves_the_same_alert_key() throws IOException {
        ReceivedEvent problem = parse(sample("problem.json")).get(0);
        ReceivedEvent recovery = parse(sample("recovery.json")).get(0);
        assertThat(problem.type()).isEqualTo("alert_firing");
        assertThat(recovery.type()).isEqualTo("alert_resolved");
        JsonNode p = data(problem);
        assertThat(p.path("alert_key").asText()).isEqualTo("zabbix:98765").isEqualTo(data(recovery).path("alert_key").asText());
        assertThat(p.path("title").asText()).isEqualTo("High CPU utilization (over 90% for 5m)");
        assertThat(p.path("severity").asText()).isEqualTo("error");
        assertThat(p.path("severity_original").asText()).isEqualTo("High");
        assertThat(p.path("resource").path("name").asText()).isEqualTo("web-1");
        assertThat(p.path("resource").path("id").asText()).isEqualTo("10084");
        assertThat(p.path("rule").asText()).isEqualTo("High CPU utilization");
        assertThat(p.path("started_at").asText()).isEqualTo("2026-11-22T11:02:13Z");
        assertThat(p.path("link").asText()).isEqualTo("https://zabbix.example/tr_events.php?triggerid=23456&eventid=98765");
        assertThat(p.path("labels").path("component").asText()).isEqualTo("cpu");
        assertThat(p.path("labels").path("host_ip").asText()).isEqualTo("10.0.0.11");
        assertThat(p.path("raw").path("event_id").asText()).isEqualTo("98765");
        assertThat(problem.externalId()).contains("98765:problem");
        assertThat(recovery.externalId()).contains("98765:resolved");
        assertThat(data(recovery).path("ended_at").asText()).isEqualTo("2026-11-22T11:20:45Z");
    }

    @Test
    void p_eventid_and_event_value_and_a_time_zone() throws IOException {
        String body = "{\"event_id\":\"98790\",\"p_eventid\":\"98765\",\"event_value\":\"0\",\"trigger_name\":\"Disk full\","
                + "\"event_date\":\"2026.11.22\",\"event_time\":\"12:00:00\",\"recovery_date\":\"2026.11.22\",\"recovery_time\":\"12:30:00\"}";
        ReceivedEvent e = parse(body, Map.of("secret", SECRET, "timezone", "Europe/Berlin"), "X-Plugboard-Secret", SECRET).get(0);
        assertThat(e.type()).isEqualTo("alert_resolved");
        assertThat(data(e).path("alert_key").asText()).isEqualTo("zabbix:98765");
        assertThat(data(e).path("ended_at").asText()).isEqualTo("2026-11-22T11:30:00Z");
        assertThat(data(e).path("severity").asText()).isEqualTo("warning");
    }

    @Test
    void severities_map_from_zabbix_words_and_numbers() throws IOException {
        Map<String, String> expected = Map.of("Not classified", "info", "Information", "info", "Warning", "warning",
                "Average", "warning", "High", "error", "Disaster", "critical");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String body = "{\"event_id\":\"1\",\"event_status\":\"PROBLEM\",\"event_name\":\"x\",\"event_severity\":\"" + e.getKey() + "\"}";
            assertThat(data(parse(body).get(0)).path("severity").asText()).as(e.getKey()).isEqualTo(e.getValue());
        }
        String numeric = "{\"event_id\":\"1\",\"event_status\":\"PROBLEM\",\"event_name\":\"x\",\"event_nseverity\":\"5\"}";
        assertThat(data(parse(numeric).get(0)).path("severity_original").asText()).isEqualTo("Disaster");
    }

    @Test
    void update_operations_emit_nothing_and_unresolved_macros_count_as_absent() throws IOException {
        assertThat(parse("{\"event_id\":\"1\",\"event_status\":\"PROBLEM\",\"event_name\":\"x\",\"event_update_status\":\"1\"}")).isEmpty();
        String body = "{\"event_id\":\"1\",\"event_status\":\"PROBLEM\",\"event_name\":\"x\",\"p_eventid\":\"{EVENT.RECOVERY.ID}\"}";
        assertThat(data(parse(body).get(0)).path("alert_key").asText()).isEqualTo("zabbix:1");
    }

    @Test
    void a_wrong_or_missing_secret_is_rejected() throws IOException {
        Map<String, String> settings = Map.of("secret", SECRET, "header_name", "X-Zabbix-Token");
        assertThat(parse(sample("problem.json"), settings, "X-Zabbix-Token", SECRET)).hasSize(1);
        assertThatThrownBy(() -> parse(sample("problem.json"), settings, "X-Plugboard-Secret", SECRET))
                .isInstanceOf(RejectedRequestException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> parse(sample("problem.json"), settings, "X-Zabbix-Token", SECRET + "x"))
                .isInstanceOf(RejectedRequestException.class).hasMessageNotContaining(SECRET);
    }

    @Test
    void malformed_bodies_are_unparseable() {
        for (String body : List.of("nope", "[1]", "{\"event_status\":\"PROBLEM\",\"event_name\":\"x\"}",
                "{\"event_id\":\"abc\",\"event_status\":\"PROBLEM\",\"event_name\":\"x\"}",
                "{\"event_id\":\"1\",\"event_status\":\"MAYBE\",\"event_name\":\"x\"}",
                "{\"event_id\":\"1\",\"event_name\":\"x\"}",
                "{\"event_id\":\"1\",\"event_status\":\"PROBLEM\"}",
                "{\"event_id\":\"1\",\"event_status\":\"PROBLEM\",\"event_name\":\"x\",\"event_date\":\"2026-11-22\",\"event_time\":\"11:02:13\"}",
                "{\"event_id\":\"1\",\"event_status\":\"PROBLEM\",\"event_name\":\"x\",\"event_date\":\"2026.02.30\",\"event_time\":\"11:02:13\"}",
                "{\"event_id\":\"1\",\"event_status\":\"PROBLEM\",\"event_name\":\"x\",\"event_tags\":\"a:b\"}")) {
            assertThatThrownBy(() -> parse(body)).as(body).isInstanceOf(UnparseableRequestException.class);
        }
    }

    @Test
    void settings_are_verified() {
        receiver.verify(Map.of("secret", SECRET));
        assertThatThrownBy(() -> receiver.verify(Map.of("secret", "short", "header_name", "bad header", "timezone", "Mars/Base")))
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).problems()).containsOnlyKeys("secret", "header_name", "timezone"));
    }
}
