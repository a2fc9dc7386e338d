package io.plugboard.plugins.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.plugins.receiversupport.Alert;
import io.plugboard.plugins.receiversupport.AlertFields;
import io.plugboard.plugins.receiversupport.ReceiverJson;
import io.plugboard.plugins.receiversupport.Severity;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.time.Instant;
import java.util.List;

/**
 * One alert of a Grafana notification in the shared alert model: title from the {@code summary}
 * annotation or the {@code alertname} label, severity from the {@code severity} label (warning when
 * absent or unknown), the resource from the usual labels, the link to the alert rule.
 */
final class GrafanaAlert {

    /** Grafana's (Go's) zero time, sent as endsAt while an alert fires. */
    private static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private final ReceiverJson json;

    GrafanaAlert(ReceiverJson json) {
        this.json = json;
    }

    ReceivedEvent event(JsonNode alert, int n) {
        if (!alert.isObject()) {
            throw new UnparseableRequestException("alert " + n + " is not an object");
        }
        String status = alert.path("status").asText("");
        if (!status.equals("firing") && !status.equals("resolved")) {
            throw new UnparseableRequestException("alert " + n + ": status must be firing or resolved, not \"" + status + "\"");
        }
        String fingerprint = alert.path("fingerprint").asText("");
        if (fingerprint.isEmpty() || fingerprint.length() > 100) {
            throw new UnparseableRequestException("alert " + n + ": fingerprint is required (at most 100 characters)");
        }
        Instant startsAt = AlertFields.time(alert, "startsAt", "alert " + n);
        if (startsAt == null) {
            throw new UnparseableRequestException("alert " + n + ": startsAt is required");
        }
        Instant endsAt = AlertFields.time(alert, "endsAt", "alert " + n);
        if (endsAt != null && !endsAt.isAfter(ZERO_TIME)) {
            endsAt = null;
        }
        ObjectNode labels = AlertFields.strings(alert.get("labels"), "alert " + n, "labels");
        ObjectNode annotations = AlertFields.strings(alert.get("annotations"), "alert " + n, "annotations");
        String alertName = labels.path("alertname").textValue();
        String summary = annotations.path("summary").textValue();
        String severity = labels.path("severity").textValue();
        boolean firing = status.equals("firing");
        Alert model = Alert.of(firing, "grafana", "grafana:" + fingerprint,
                        summary != null ? summary : alertName != null ? alertName : "Grafana alert " + fingerprint)
                .description(annotations.path("description").textValue())
                .severity(Severity.of(severity, Severity.WARNING), severity)
                .rule(alertName)
                .startedAt(startsAt).endedAt(firing ? null : endsAt)
                .link(alert.path("generatorURL").textValue())
                .raw(alert);
        resource(model, labels);
        labels.fields().forEachRemaining(e -> model.label(e.getKey(), e.getValue().textValue()));
        // One event per firing episode and per resolve: Grafana repeats a firing alert's notification
        // (repeat interval) and retries failed ones, with the same fingerprint and startsAt.
        return model.event(json).withExternalId(fingerprint + ":" + status + ":" + startsAt);
    }

    /** The alerting thing: the first of the usual labels naming it. */
    private static void resource(Alert model, ObjectNode labels) {
        for (String label : List.of("instance", "host", "service", "job", "pod", "namespace")) {
            String value = labels.path(label).textValue();
            if (value != null) {
                model.resource(value, label, null);
                return;
            }
        }
    }
}
