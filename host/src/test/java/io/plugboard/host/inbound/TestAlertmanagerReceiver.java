package io.plugboard.host.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.host.testing.HtmlPage;
import io.plugboard.host.testing.Http;
import io.plugboard.host.testing.TestHost;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The alertmanager receiver plugin, as built by the reactor, fed Alertmanager's own webhook JSON (version 4). */
class TestAlertmanagerReceiver {

    /** What Alertmanager POSTs for a group with one alert still firing and one resolved. */
    static final String NOTIFICATION = """
            {
              "version": "4",
              "groupKey": "{}/{severity=\\"critical\\"}:{alertname=\\"HighErrorRate\\"}",
              "truncatedAlerts": 0,
              "status": "firing",
              "receiver": "plugboard",
              "groupLabels": {"alertname": "HighErrorRate"},
              "commonLabels": {"alertname": "HighErrorRate", "severity": "critical"},
              "commonAnnotations": {},
              "externalURL": "http://alertmanager.example:9093",
              "alerts": [
                {
                  "status": "firing",
                  "labels": {"alertname": "HighErrorRate", "instance": "checkout-1:8080", "job": "checkout", "severity": "critical"},
                  "annotations": {"summary": "High error rate on checkout-1", "runbook_url": "https://runbooks.example/errors"},
                  "startsAt": "2026-11-22T10:02:13.512Z",
                  "endsAt": "0001-01-01T00:00:00Z",
                  "generatorURL": "http://prometheus.example:9090/graph?g0.expr=rate%28http_errors_total%5B5m%5D%29+%3E+0.05",
                  "fingerprint": "b3f1c2a4d5e6f708"
                },
                {
                  "status": "resolved",
                  "labels": {"alertname": "HighErrorRate", "instance": "checkout-2:8080", "job": "checkout", "severity": "critical"},
                  "annotations": {"summary": "High error rate on checkout-2"},
                  "startsAt": "2026-11-22T09:40:00+01:00",
                  "endsAt": "2026-11-22T10:05:00.000Z",
                  "generatorURL": "http://prometheus.example:9090/graph?g0.expr=rate",
                  "fingerprint": "0a1b2c3d4e5f6071"
                }
              ]
            }
            """;

    static TestHost host;

    @BeforeAll
    static void start() {
        host = TestHost.start(Inbound.pluginsWith("alertmanager-receiver"));
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    @Test
    void oneEventPerAlertWithLabelsAnnotationsTimesAndFingerprint() {
        JsonNode inbound = Inbound.create(host, "Prometheus prod", "alertmanager", Map.of());
        Http.Response r = Inbound.post(inbound.get("url").asText(), NOTIFICATION, Map.of("User-Agent", "Alertmanager/0.28.1"));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode ids = r.json().get("event_ids");
        assertThat(ids).hasSize(2);

        JsonNode received = host.http().get("/api/v1/received-events?inbound_webhook=" + inbound.get("id").asText()).json();
        assertThat(received.get("total").asInt()).isEqualTo(2);
        JsonNode resolved = received.get("data").get(0);
        JsonNode firing = received.get("data").get(1);
        assertThat(firing.get("id").asText()).isEqualTo(ids.get(0).asText());
        assertThat(firing.get("type").asText()).isEqualTo("alert_firing");
        assertThat(firing.get("source").asText()).isEqualTo("inbound:" + inbound.get("id").asText());
        assertThat(firing.get("origin").get("inbound_webhook_name").asText()).isEqualTo("Prometheus prod");
        JsonNode f = firing.get("data");
        assertThat(f.get("alert_name").asText()).isEqualTo("HighErrorRate");
        assertThat(f.get("status").asText()).isEqualTo("firing");
        assertThat(f.get("labels").get("instance").asText()).isEqualTo("checkout-1:8080");
        assertThat(f.get("annotations").get("runbook_url").asText()).isEqualTo("https://runbooks.example/errors");
        assertThat(f.get("starts_at").asText()).isEqualTo("2026-11-22T10:02:13.512Z");
        assertThat(f.get("ends_at").isNull()).as("Alertmanager's zero time means still firing").isTrue();
        assertThat(f.get("fingerprint").asText()).isEqualTo("b3f1c2a4d5e6f708");
        assertThat(f.get("receiver").asText()).isEqualTo("plugboard");
        assertThat(f.get("external_url").asText()).isEqualTo("http://alertmanager.example:9093");
        // The shared alert model (docs/alerts.md), as every monitoring receiver emits it.
        assertThat(f.get("source").asText()).isEqualTo("alertmanager");
        assertThat(f.get("title").asText()).isEqualTo("High error rate on checkout-1");
        assertThat(f.get("severity").asText()).isEqualTo("critical");
        assertThat(f.get("alert_key").asText()).isEqualTo("alertmanager:b3f1c2a4d5e6f708");
        assertThat(f.get("rule").asText()).isEqualTo("HighErrorRate");
        assertThat(f.get("started_at").asText()).isEqualTo("2026-11-22T10:02:13.512Z");
        assertThat(f.get("resource").get("name").asText()).isEqualTo("checkout-1:8080");
        assertThat(f.get("raw").get("fingerprint").asText()).isEqualTo("b3f1c2a4d5e6f708");

        assertThat(resolved.get("type").asText()).isEqualTo("alert_resolved");
        JsonNode d = resolved.get("data");
        assertThat(d.get("starts_at").asText()).as("offsets normalised to UTC").isEqualTo("2026-11-22T08:40:00Z");
        assertThat(d.get("ends_at").asText()).isEqualTo("2026-11-22T10:05:00Z");
        assertThat(resolved.get("origin").get("occurred_at").asText()).isEqualTo("2026-11-22T10:05:00Z");

        JsonNode stats = Inbound.stats(host, inbound.get("id").asText());
        assertThat(stats.get("requests_total").asInt()).isEqualTo(1);
        assertThat(stats.get("accepted").asInt()).isEqualTo(1);
        assertThat(stats.get("last_received_at").isNull()).isFalse();
    }

    @Test
    void anotherPayloadVersionIsAParseErrorKeptWithItsBody() {
        JsonNode inbound = Inbound.create(host, "Old Alertmanager", "alertmanager", Map.of());
        String id = inbound.get("id").asText();
        Http.Response r = Inbound.post(inbound.get("url").asText(), NOTIFICATION.replace("\"version\": \"4\"", "\"version\": \"3\""),
                Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("version \"4\"");
        Http.Response notJson = Inbound.post(inbound.get("url").asText(), "alerts=1", Map.of("Content-Type", "text/plain"));
        assertThat(notJson.status()).isEqualTo(400);

        JsonNode stats = Inbound.stats(host, id);
        assertThat(stats.get("requests_total").asInt()).isEqualTo(2);
        assertThat(stats.get("parse_errors").asInt()).isEqualTo(2);
        assertThat(stats.get("accepted").asInt()).isZero();
        JsonNode errors = host.http().get("/api/v1/inbound-webhooks/" + id + "/errors").json().get("data");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("body").asText()).isEqualTo("alerts=1");
        assertThat(errors.get(0).get("content_type").asText()).isEqualTo("text/plain");
        assertThat(errors.get(1).get("body").asText()).contains("\"version\": \"3\"");
        assertThat(errors.get(1).get("kind").asText()).isEqualTo("parse_error");
        assertThat(host.http().get("/api/v1/received-events?inbound_webhook=" + id).json().get("total").asInt()).isZero();
    }

    @Test
    void thePluginsDocsPageIsItsConnectionGuideInTheAdmin() {
        assertThat(host.http().get("/admin/inbound/new").body()).contains("How to connect Prometheus Alertmanager");
        HtmlPage guide = HtmlPage.of(host.http().get("/admin/inbound/receivers/alertmanager/guide"));
        assertThat(guide.headings(1)).contains("Connect Prometheus Alertmanager to Plugboard");
        assertThat(guide.text()).contains("send_resolved: true");
    }
}
