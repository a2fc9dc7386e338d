package io.plugboard.plugins.gcpmonitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.plugboard.plugins.receiversupport.Alert;
import io.plugboard.plugins.receiversupport.Severity;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.time.Instant;

/**
 * One Cloud Monitoring incident (webhook schema 1.2) in the shared alert model: {@code open} fires,
 * {@code closed} resolves, {@code google-cloud-monitoring:<incident_id>} is the alert key.
 */
final class IncidentAlert {

    static final String SOURCE = "google-cloud-monitoring";

    private IncidentAlert() {}

    /** @param incident the body's {@code incident} object */
    static Alert of(JsonNode incident) {
        String id = requiredText(incident, "incident_id");
        String state = requiredText(incident, "state");
        if (!state.equals("open") && !state.equals("closed")) {
            throw new UnparseableRequestException("incident.state must be open or closed, not \"" + state + "\"");
        }
        Instant startedAt = epochSeconds(incident, "started_at");
        if (startedAt == null) {
            throw new UnparseableRequestException("incident.started_at is required (epoch seconds)");
        }
        String severity = text(incident, "severity");
        JsonNode resource = object(incident, "resource", "incident.resource");
        JsonNode metric = object(incident, "metric", "incident.metric");
        JsonNode metadata = object(incident, "metadata", "incident.metadata");
        JsonNode documentation = object(incident, "documentation", "incident.documentation");
        Alert alert = Alert.of(state.equals("open"), SOURCE, SOURCE + ":" + id, title(incident, documentation, id))
                .description(text(documentation, "content"))
                // A policy without a level sends "No severity": the model's usual fallback, warning.
                .severity(Severity.of(severity, Severity.WARNING), severity)
                .rule(text(incident, "policy_name"))
                .startedAt(startedAt)
                .endedAt(epochSeconds(incident, "ended_at"))
                .link(text(incident, "url"))
                .raw(incident);
        String resourceName = firstText(incident, "resource_display_name", "resource_name", "resource_id");
        if (resourceName != null || resource.has("type")) {
            alert.resource(resourceName, text(resource, "type"), text(incident, "resource_id"));
        }
        // Google's labels go in prefixed by where they come from; the user's own labels as they are.
        labels(alert, "resource.", object(resource, "labels", "incident.resource.labels"));
        labels(alert, "metric.", object(metric, "labels", "incident.metric.labels"));
        labels(alert, "system.", object(metadata, "system_labels", "incident.metadata.system_labels"));
        labels(alert, "", object(metadata, "user_labels", "incident.metadata.user_labels"));
        labels(alert, "", object(incident, "policy_user_labels", "incident.policy_user_labels"));
        return alert;
    }

    /** The channel's custom subject line, else Google's summary, else the policy's name. */
    private static String title(JsonNode incident, JsonNode documentation, String id) {
        String subject = text(documentation, "subject");
        if (subject != null && !subject.isBlank()) {
            return subject;
        }
        String title = firstText(incident, "summary", "policy_name");
        return title != null ? title : "Cloud Monitoring incident " + id;
    }

    /** String values only: the model's labels are strings, and Google's are. */
    private static void labels(Alert alert, String prefix, JsonNode labels) {
        labels.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                alert.label(prefix + e.getKey(), e.getValue().textValue());
            }
        });
    }

    /** Epoch seconds, as Cloud Monitoring sends them; absent or null means not (yet) known. */
    private static Instant epochSeconds(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0
                || value.longValue() > 253_402_300_799L) {
            throw new UnparseableRequestException("incident." + field + " must be a time in epoch seconds, not " + value);
        }
        return Instant.ofEpochSecond(value.longValue());
    }

    private static String requiredText(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            throw new UnparseableRequestException("incident." + field + " is required (a string)");
        }
        return value;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** An optional object field: absent or null reads as empty; anything else is refused. */
    private static JsonNode object(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!value.isObject()) {
            throw new UnparseableRequestException(path + " must be an object");
        }
        return value;
    }
}
