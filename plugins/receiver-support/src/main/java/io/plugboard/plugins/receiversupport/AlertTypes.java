package io.plugboard.plugins.receiversupport;

import io.plugboard.sdk.EventType;
import java.util.List;

/**
 * The two event types of the shared alert model, declared by every monitoring receiver from this one
 * definition: the host lets plugins share a type they declare identically, so any of the receivers can
 * be installed alone and one webhook subscribed to {@code alert_firing} serves every tool. Changing a
 * word here changes the definition: every monitoring receiver must ship the same version of it.
 */
public final class AlertTypes {

    public static final String FIRING = "alert_firing";
    public static final String RESOLVED = "alert_resolved";

    /** The schema both types share (docs/alerts.md explains each field). */
    public static final String SCHEMA = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
             "required": ["title", "severity", "status", "alert_key", "source", "labels"],
             "properties": {
               "title": {"type": "string"},
               "description": {"type": ["string", "null"]},
               "severity": {"enum": ["critical", "error", "warning", "info"]},
               "severity_original": {"type": ["string", "null"]},
               "status": {"enum": ["firing", "resolved"]},
               "alert_key": {"type": "string"},
               "resource": {"type": ["object", "null"], "properties": {
                 "name": {"type": ["string", "null"]}, "type": {"type": ["string", "null"]},
                 "id": {"type": ["string", "null"]}}},
               "rule": {"type": ["string", "null"]},
               "source": {"type": "string"},
               "started_at": {"type": ["string", "null"]},
               "ended_at": {"type": ["string", "null"]},
               "link": {"type": ["string", "null"]},
               "labels": {"type": "object", "additionalProperties": {"type": "string"}},
               "raw": {}}}
            """;

    private AlertTypes() {}

    /** @return {@code alert_firing} and {@code alert_resolved}, identical in every receiver */
    public static List<EventType> eventTypes() {
        return List.of(
                EventType.builder(FIRING).name("Alert firing").group("Monitoring")
                        .description("An alert started firing in a monitoring tool (Prometheus Alertmanager, Grafana, "
                                + "CloudWatch through SNS, Zabbix, …), in the one shape every tool's receiver emits.")
                        .sample(sample("firing", "null")).schema(SCHEMA).build(),
                EventType.builder(RESOLVED).name("Alert resolved").group("Monitoring")
                        .description("An alert stopped firing in a monitoring tool; its alert_key is the one of the "
                                + "alert_firing it ends.")
                        .sample(sample("resolved", "\"2026-11-22T10:12:00Z\"")).schema(SCHEMA).build());
    }

    private static String sample(String status, String endedAt) {
        return """
                {"title": "HighErrorRate", "description": "5%% of checkout requests fail",
                 "severity": "critical", "severity_original": "critical", "status": "%s",
                 "alert_key": "alertmanager:3f9a2c1d8e7b6a50",
                 "resource": {"name": "checkout", "type": "service", "id": null},
                 "rule": "HighErrorRate", "source": "alertmanager",
                 "started_at": "2026-11-22T10:02:00Z", "ended_at": %s,
                 "link": "http://prometheus:9090/graph?g0.expr=rate",
                 "labels": {"alertname": "HighErrorRate", "severity": "critical", "service": "checkout"},
                 "raw": {"status": "%s", "labels": {"alertname": "HighErrorRate"}}}
                """.formatted(status, endedAt, status);
    }
}
