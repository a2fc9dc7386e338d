package io.plugboard.plugins.alertmanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plugboard.plugins.receiversupport.ReceiverJson;
import io.plugboard.sdk.inbound.InboundRequest;
import io.plugboard.sdk.inbound.ReceiveResult;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.Receiver;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Extension;

/**
 * Receives Prometheus Alertmanager's webhook notifications (payload version 4): one
 * {@code alert_firing} or {@code alert_resolved} event per alert in the group, with its labels,
 * annotations, start and end, and fingerprint. Alertmanager has no signature; the URL's access key is
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
                + "with labels, annotations, start, end and fingerprint.";
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
        Instant startsAt = time(alert, "startsAt", n);
        if (startsAt == null) {
            throw new UnparseableRequestException("alert " + n + ": startsAt is required");
        }
        String fingerprint = alert.path("fingerprint").asText("");
        if (fingerprint.isEmpty()) {
            throw new UnparseableRequestException("alert " + n + ": fingerprint is required");
        }
        Instant endsAt = time(alert, "endsAt", n);
        if (endsAt != null && !endsAt.isAfter(ZERO_TIME)) {
            endsAt = null;
        }
        ObjectNode data = mapper.createObjectNode();
        data.put("alert_name", alert.path("labels").path("alertname").textValue());
        data.put("status", status);
        data.set("labels", strings(alert.get("labels"), "labels", n));
        data.set("annotations", strings(alert.get("annotations"), "annotations", n));
        data.put("starts_at", startsAt.toString());
        data.put("ends_at", endsAt == null ? null : endsAt.toString());
        data.put("fingerprint", fingerprint);
        data.put("generator_url", alert.path("generatorURL").textValue());
        data.put("receiver", group.path("receiver").textValue());
        data.put("group_key", group.path("groupKey").textValue());
        data.put("external_url", group.path("externalURL").textValue());
        boolean firing = status.equals("firing");
        return ReceivedEvent.of(firing ? AlertEvents.FIRING : AlertEvents.RESOLVED, json.write(data))
                .withOccurredAt(firing || endsAt == null ? startsAt : endsAt);
    }

    /** Labels and annotations: an object of strings; absent counts as empty. */
    private ObjectNode strings(JsonNode value, String field, int n) {
        ObjectNode out = mapper.createObjectNode();
        if (value == null || value.isNull()) {
            return out;
        }
        if (!value.isObject()) {
            throw new UnparseableRequestException("alert " + n + ": " + field + " must be an object");
        }
        value.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw new UnparseableRequestException("alert " + n + ": " + field + "." + e.getKey() + " must be a string");
            }
            out.put(e.getKey(), e.getValue().textValue());
        });
        return out;
    }

    private static Instant time(JsonNode alert, String field, int n) {
        JsonNode value = alert.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnparseableRequestException("alert " + n + ": " + field + " is not an RFC 3339 time: " + value.asText());
        }
    }
}
