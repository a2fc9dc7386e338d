package io.plugboard.plugins.datadog;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.plugins.receiversupport.Alert;
import io.plugboard.plugins.receiversupport.ReceiverJson;
import io.plugboard.plugins.receiversupport.Severity;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/**
 * One Datadog monitor notification, in the recommended payload template's fields, in the shared alert
 * model: {@code Recovered} resolves, the other transitions fire; severity from the priority (P1…P5), else
 * from the alert type; the alert cycle key (which a monitor's trigger and recovery share) is the alert key.
 */
final class DatadogNotification {

    private static final Set<String> FIRING = Set.of("triggered", "re-triggered", "warn", "re-warn",
            "no data", "re-no data", "renotify");

    private final ReceiverJson json;

    DatadogNotification(ReceiverJson json) {
        this.json = json;
    }

    ReceivedEvent event(JsonNode body) {
        String transition = text(body, "transition");
        if (transition == null) {
            throw new UnparseableRequestException("transition is required ($ALERT_TRANSITION)");
        }
        boolean resolved = transition.equalsIgnoreCase("recovered");
        if (!resolved && !FIRING.contains(transition.toLowerCase(Locale.ROOT))) {
            throw new UnparseableRequestException("transition \"" + transition + "\" is not one of Datadog's: Triggered, "
                    + "Re-Triggered, Warn, Re-Warn, No Data, Re-No Data, Renotify, Recovered");
        }
        String title = text(body, "title");
        if (title == null) {
            throw new UnparseableRequestException("title is required ($EVENT_TITLE)");
        }
        String cycleKey = text(body, "alert_cycle_key");
        String monitorId = text(body, "alert_id");
        String scope = text(body, "scope");
        if (cycleKey == null && monitorId == null) {
            throw new UnparseableRequestException("alert_cycle_key ($ALERT_CYCLE_KEY) or alert_id ($ALERT_ID) is required");
        }
        String key = cycleKey != null ? cycleKey : monitorId + (scope != null ? ":" + scope : "");
        Instant at = time(body, "date");
        String priority = text(body, "priority");
        String alertType = text(body, "alert_type");
        String severityWord = priority != null ? priority : alertType;
        Severity severity = "success".equalsIgnoreCase(severityWord) ? Severity.INFO : Severity.of(severityWord, Severity.WARNING);
        Alert model = Alert.of(!resolved, "datadog", "datadog:" + key, title)
                .description(text(body, "message"))
                .severity(severity, severityWord)
                .rule(text(body, "alert_title"))
                .startedAt(resolved ? null : at).endedAt(resolved ? at : null)
                .link(text(body, "link"))
                .raw(body);
        String host = text(body, "hostname");
        if (host != null) {
            model.resource(host, "host", null);
        } else if (scope != null) {
            model.resource(scope, "scope", null);
        }
        labels(model, text(body, "tags"));
        model.label("monitor_id", monitorId).label("transition", transition).label("org_id", text(body, "org_id"));
        ReceivedEvent event = model.event(json);
        String id = text(body, "id");
        if (id == null) {
            return event;
        }
        if (id.length() > ReceivedEvent.MAX_EXTERNAL_ID) {
            throw new UnparseableRequestException("id is longer than " + ReceivedEvent.MAX_EXTERNAL_ID + " characters");
        }
        return event.withExternalId(id);
    }

    /** $TAGS: {@code env:prod,service:web,canary}; a tag without a value is a label with an empty one. */
    private static void labels(Alert model, String tags) {
        if (tags == null) {
            return;
        }
        for (String tag : tags.split(",")) {
            String t = tag.strip();
            int colon = t.indexOf(':');
            if (!t.isEmpty()) {
                model.label(colon < 0 ? t : t.substring(0, colon), colon < 0 ? "" : t.substring(colon + 1));
            }
        }
    }

    /** A string (or number) field; absent, null or empty (a template variable without a value) is null. */
    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isIntegralNumber()) {
            throw new UnparseableRequestException(field + " must be a string");
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    /** $DATE: epoch milliseconds (digits), or an RFC 3339 time with offset. */
    private static Instant time(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null) {
            return null;
        }
        if (value.matches("[0-9]{1,15}")) {
            return Instant.ofEpochMilli(Long.parseLong(value));
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnparseableRequestException(field + " must be epoch milliseconds ($DATE) or an RFC 3339 time, not \""
                    + value + "\"");
        }
    }
}
