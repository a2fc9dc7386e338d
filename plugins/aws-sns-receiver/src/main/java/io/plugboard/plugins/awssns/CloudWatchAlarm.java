package io.plugboard.plugins.awssns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.plugboard.plugins.receiversupport.Alert;
import io.plugboard.plugins.receiversupport.ReceiverJson;
import io.plugboard.plugins.receiversupport.Severity;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A CloudWatch alarm's state change (the JSON CloudWatch puts in an SNS message) in the shared alert
 * model: ALARM fires, OK resolves, INSUFFICIENT_DATA fires with severity {@code info} or is ignored.
 */
final class CloudWatchAlarm {

    /** CloudWatch writes StateChangeTime with a colon-less offset, e.g. 2026-11-22T10:02:00.123+0000. */
    private static final DateTimeFormatter STATE_CHANGE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private CloudWatchAlarm() {}

    /** @return whether a message's JSON is a CloudWatch alarm */
    static boolean is(JsonNode message) {
        return message != null && message.isObject() && message.path("AlarmName").isTextual()
                && message.path("NewStateValue").isTextual();
    }

    /** @return the event, or null when the state is INSUFFICIENT_DATA and the settings ignore it */
    static ReceivedEvent event(JsonNode alarm, SnsMessage sns, SnsSettings settings, ReceiverJson json) {
        String state = alarm.path("NewStateValue").textValue();
        String arn = alarm.path("AlarmArn").textValue();
        if (arn == null || arn.isEmpty()) {
            throw new UnparseableRequestException("the CloudWatch alarm has no AlarmArn");
        }
        boolean firing;
        Severity severity;
        switch (state) {
            case "ALARM" -> { firing = true; severity = Severity.of(settings.severity(), Severity.WARNING); }
            case "OK" -> { firing = false; severity = Severity.of(settings.severity(), Severity.WARNING); }
            case "INSUFFICIENT_DATA" -> {
                if (settings.ignoreInsufficientData()) {
                    return null;
                }
                firing = true;
                severity = Severity.INFO;
            }
            default -> throw new UnparseableRequestException("NewStateValue must be ALARM, OK or INSUFFICIENT_DATA, not \""
                    + state + "\"");
        }
        String name = alarm.path("AlarmName").textValue();
        String region = regionOf(arn);
        Instant changed = time(alarm.path("StateChangeTime").asText(""));
        Alert model = Alert.of(firing, "aws-sns", "aws-sns:" + arn, name)
                .description(text(alarm, "AlarmDescription") != null ? text(alarm, "AlarmDescription") : text(alarm, "NewStateReason"))
                .severity(severity, state)
                .rule(name)
                .startedAt(firing ? changed : null).endedAt(firing ? null : changed)
                .link(region == null ? null : "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
                        + "#alarmsV2:alarm/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .raw(alarm);
        JsonNode trigger = alarm.path("Trigger");
        String namespace = text(trigger, "Namespace");
        JsonNode first = trigger.path("Dimensions").path(0);
        if (text(first, "value") != null) {
            model.resource(text(first, "value"), namespace, text(first, "name") + "=" + text(first, "value"));
        } else if (namespace != null) {
            model.resource(namespace, namespace, null);
        }
        model.label("aws_account_id", text(alarm, "AWSAccountId")).label("region", region)
                .label("namespace", namespace).label("metric_name", text(trigger, "MetricName"));
        for (JsonNode d : trigger.path("Dimensions")) {
            if (text(d, "name") != null) {
                model.label("dimension_" + text(d, "name"), text(d, "value"));
            }
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        model.extra("state_reason", nodes.textNode(text(alarm, "NewStateReason")))
                .extra("old_state", nodes.textNode(text(alarm, "OldStateValue")))
                .extra("new_state", nodes.textNode(state))
                .extra("topic_arn", nodes.textNode(sns.topicArn()))
                .extra("sns_subject", nodes.textNode(sns.text("Subject")));
        return model.event(json);
    }

    /** arn:aws:cloudwatch:<region>:<account>:alarm:<name> → the region code (the message's Region is a display name). */
    private static String regionOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && parts[3].matches("[a-z0-9-]+") ? parts[3] : null;
    }

    private static Instant time(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text, STATE_CHANGE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                throw new UnparseableRequestException("StateChangeTime is not a time: " + text);
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.textValue() : null;
    }
}
