package io.plugboard.plugins.alertmanager;

import io.plugboard.sdk.EventType;
import io.plugboard.sdk.EventTypeProvider;
import java.util.List;
import org.pf4j.Extension;

/** The event types the Alertmanager receiver emits: one per alert, firing or resolved. */
@Extension
public class AlertEvents implements EventTypeProvider {

    static final String FIRING = "alert_firing";
    static final String RESOLVED = "alert_resolved";

    private static final String SCHEMA = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
             "required": ["alert_name", "status", "labels", "annotations", "starts_at", "fingerprint"],
             "properties": {
               "alert_name": {"type": ["string", "null"]},
               "status": {"enum": ["firing", "resolved"]},
               "labels": {"type": "object", "additionalProperties": {"type": "string"}},
               "annotations": {"type": "object", "additionalProperties": {"type": "string"}},
               "starts_at": {"type": "string"},
               "ends_at": {"type": ["string", "null"]},
               "fingerprint": {"type": "string"},
               "generator_url": {"type": ["string", "null"]},
               "receiver": {"type": ["string", "null"]},
               "group_key": {"type": ["string", "null"]},
               "external_url": {"type": ["string", "null"]}}}
            """;

    @Override
    public List<EventType> eventTypes() {
        return List.of(
                EventType.builder(FIRING).name("Alert firing").group("Monitoring")
                        .description("A Prometheus alert started firing (from an Alertmanager webhook).")
                        .sample(sample("firing", null)).schema(SCHEMA).build(),
                EventType.builder(RESOLVED).name("Alert resolved").group("Monitoring")
                        .description("A Prometheus alert stopped firing (from an Alertmanager webhook).")
                        .sample(sample("resolved", "\"2026-11-22T10:12:00Z\"")).schema(SCHEMA).build());
    }

    private static String sample(String status, String endsAt) {
        return """
                {"alert_name": "HighErrorRate", "status": "%s",
                 "labels": {"alertname": "HighErrorRate", "severity": "critical", "service": "checkout"},
                 "annotations": {"summary": "5%% of checkout requests fail"},
                 "starts_at": "2026-11-22T10:02:00Z", "ends_at": %s, "fingerprint": "3f9a2c1d8e7b6a50",
                 "generator_url": "http://prometheus:9090/graph?g0.expr=rate", "receiver": "plugboard",
                 "group_key": "{}:{alertname=\\"HighErrorRate\\"}", "external_url": "http://alertmanager:9093"}
                """.formatted(status, endsAt == null ? "null" : endsAt);
    }
}
