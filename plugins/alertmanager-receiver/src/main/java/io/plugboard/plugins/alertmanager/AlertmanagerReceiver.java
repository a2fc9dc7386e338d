package io.plugboard.plugins.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.plugins.receiversupport.Alert;
import io.plugboard.plugins.receiversupport.AlertFields;
import io.plugboard.plugins.receiversupport.ReceiverJson;
import io.plugboard.plugins.receiversupport.Severity;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.ReceiveResult;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.Receiver;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * Receives Prometheus Alertmanager's webhook notifications (payload version 4): one
 * {@code alert_firing} or {@code alert_resolved} event per alert in the group, in the shared alert model
 * (title from the summary annotation or the alert name, severity from the {@code severity} label,
 * {@code alertmanager:<fingerprint>} as the alert key), keeping Alertmanager's own fields. Alertmanager has no signature; the URL's access key is
 * the credential (put it in {@code webhook_configs.url}, or {@code url_file}).
 */
@Extension
public class AlertmanagerReceiver implements Receiver {

    /** Alertmanager's zero time, sent as endsAt while an alert fires. */
    private static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private final ReceiverJson json = ReceiverJson.strict();
    private final ObjectMapper mapper = json.mapper();

    @Override
    public String id() {
        return "alertmanager";
    }

    @Override
    public String name() {
        return "Prometheus Alertmanager";
    }

    @Override
    public String description() {
        return "Alertmanager webhook notifications (version 4): one alert_firing or alert_resolved event per alert, "
                + "in the shared alert model (docs/alerts.md), keeping labels, annotations and fingerprint.";
    }

    @Override
    public ReceiveResult parse(InboundRequest request) {
        JsonNode body = json.readBody(request.body());
        if (body == null || !body.isObject()) {
            throw new UnparseableRequestException("the body must be an Alertmanager notification, a JSON object");
        }
        String version = body.path("version").asText("");
        if (!version.equals("4")) {
            throw new UnparseableRequestException("only Alertmanager's payload version \"4\" is understood, not \""
                    + version + "\"");
        }
        JsonNode alerts = body.get("alerts");
        if (alerts == null || !alerts.isArray()) {
            throw new UnparseableRequestException("alerts must be an array");
        }
        List<ReceivedEvent> events = new ArrayList<>();
        int n = 0;
        for (JsonNode alert : alerts) {
            n++;
            events.add(event(alert, body, n));
        }
        return ReceiveResult.events(events);
    }

    private ReceivedEvent event(JsonNode alert, JsonNode group, int n) {
        if (!alert.isObject()) {
            throw new UnparseableRequestException("alert " + n + " is not an object");
        }
        String status = alert.path("status").asText("");
        if (!status.equals("firing") && !status.equals("resolved")) {
            throw new UnparseableRequestException("alert " + n + ": status must be firing or resolved, not \"" + status + "\"");
        }
        Instant startsAt = AlertFields.time(alert, "startsAt", "alert " + n);
        if (startsAt == null) {
            throw new UnparseableRequestException("alert " + n + ": startsAt is required");
        }
        String fingerprint = alert.path("fingerprint").asText("");
        if (fingerprint.isEmpty()) {
            throw new UnparseableRequestException("alert " + n + ": fingerprint is required");
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
        Alert model = Alert.of(status.equals("firing"), "alertmanager", "alertmanager:" + fingerprint,
                        summary != null ? summary : alertName != null ? alertName : "Alertmanager alert " + fingerprint)
                .description(annotations.path("description").textValue())
                .severity(Severity.of(severity, Severity.WARNING), severity)
                .rule(alertName)
                .startedAt(startsAt).endedAt(endsAt)
                .link(alert.path("generatorURL").textValue())
                .raw(alert);
        resource(model, labels);
        labels.fields().forEachRemaining(e -> model.label(e.getKey(), e.getValue().textValue()));
        // Alertmanager's own fields, as this receiver emitted them before the shared model.
        model.extra("alert_name", alertName == null ? mapper.nullNode() : mapper.getNodeFactory().textNode(alertName))
                .extra("annotations", annotations)
                .extra("starts_at", mapper.getNodeFactory().textNode(startsAt.toString()))
                .extra("ends_at", endsAt == null ? mapper.nullNode() : mapper.getNodeFactory().textNode(endsAt.toString()))
                .extra("fingerprint", mapper.getNodeFactory().textNode(fingerprint))
                .extra("generator_url", alert.path("generatorURL").isTextual() ? alert.get("generatorURL") : mapper.nullNode())
                .extra("receiver", group.path("receiver").isTextual() ? group.get("receiver") : mapper.nullNode())
                .extra("group_key", group.path("groupKey").isTextual() ? group.get("groupKey") : mapper.nullNode())
                .extra("external_url", group.path("externalURL").isTextual() ? group.get("externalURL") : mapper.nullNode());
        return model.event(json);
    }

    /** The alerting thing: the first of the usual Prometheus labels naming it. */
    private static void resource(Alert model, ObjectNode labels) {
        for (String label : List.of("instance", "service", "job", "pod", "namespace")) {
            String value = labels.path(label).textValue();
            if (value != null) {
                model.resource(value, label, null);
                return;
            }
        }
    }
}
