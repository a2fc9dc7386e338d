package io.plugboard.plugins.azuremonitor;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.plugins.receiversupport.Alert;
import io.plugboard.plugins.receiversupport.Severity;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * One Azure Monitor alert in the common alert schema, in the shared alert model: {@code Fired} fires,
 * {@code Resolved} resolves, {@code azure-monitor:<alertId>} is the alert key, Sev0–Sev4 the severity.
 */
final class CommonAlert {

    static final String SOURCE = "azure-monitor";

    private CommonAlert() {}

    /** @param data the body's {@code data} object: essentials, alertContext, customProperties */
    static Alert of(JsonNode data) {
        JsonNode essentials = data.get("essentials");
        if (essentials == null || !essentials.isObject()) {
            throw new UnparseableRequestException("data.essentials must be an object");
        }
        String alertId = requiredText(essentials, "alertId");
        String condition = requiredText(essentials, "monitorCondition");
        if (!condition.equals("Fired") && !condition.equals("Resolved")) {
            throw new UnparseableRequestException("data.essentials.monitorCondition must be Fired or Resolved, not \""
                    + condition + "\"");
        }
        Instant firedAt = time(essentials, "firedDateTime");
        if (firedAt == null) {
            throw new UnparseableRequestException("data.essentials.firedDateTime is required");
        }
        String rule = text(essentials, "alertRule");
        String severity = text(essentials, "severity");
        String description = text(essentials, "description");
        // Sev0 and Sev1 are critical, Sev2 error, Sev3 warning, Sev4 info; anything else a warning.
        Alert alert = Alert.of(condition.equals("Fired"), SOURCE, SOURCE + ":" + alertId,
                        rule != null && !rule.isBlank() ? rule : "Azure Monitor alert " + alertId)
                .description(description == null || description.isBlank() ? null : description)
                .severity(Severity.of(severity, Severity.WARNING), severity)
                .rule(rule)
                .startedAt(firedAt)
                .endedAt(time(essentials, "resolvedDateTime"))
                .link(link(essentials, alertId))
                .raw(data);
        JsonNode targets = essentials.get("alertTargetIDs");
        if (targets != null && !targets.isNull() && !targets.isArray()) {
            throw new UnparseableRequestException("data.essentials.alertTargetIDs must be an array");
        }
        if (targets != null && targets.size() > 0 && targets.get(0).isTextual()) {
            AzureResourceId target = AzureResourceId.parse(targets.get(0).textValue());
            alert.resource(target.name(), target.type(), target.id());
        }
        JsonNode custom = data.get("customProperties");
        if (custom != null && !custom.isNull() && !custom.isObject()) {
            throw new UnparseableRequestException("data.customProperties must be an object");
        }
        if (custom != null) {
            // The model's labels are strings; other values stay in raw.
            custom.fields().forEachRemaining(e -> {
                if (e.getValue().isTextual()) {
                    alert.label(e.getKey(), e.getValue().textValue());
                }
            });
        }
        return alert;
    }

    /** Azure's own link when the payload has one, else the portal's page for the alert instance. */
    private static String link(JsonNode essentials, String alertId) {
        String investigation = text(essentials, "investigationLink");
        if (investigation != null && investigation.startsWith("https://")) {
            return investigation;
        }
        return AzureResourceId.portalLink(alertId);
    }

    /** ISO-8601; Azure writes UTC with seven decimals and a Z, and some services leave the Z out. */
    private static Instant time(JsonNode essentials, String field) {
        JsonNode value = essentials.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new UnparseableRequestException("data.essentials." + field + " must be an ISO-8601 time, not " + value);
        }
        String text = value.textValue();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new UnparseableRequestException("data.essentials." + field + " is not an ISO-8601 time: " + text);
            }
        }
    }

    private static String requiredText(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new UnparseableRequestException("data.essentials." + field + " is required (a string)");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
