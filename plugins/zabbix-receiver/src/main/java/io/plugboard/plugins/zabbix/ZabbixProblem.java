package io.plugboard.plugins.zabbix;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.plugins.receiversupport.Alert;
import io.plugboard.plugins.receiversupport.ReceiverJson;
import io.plugboard.plugins.receiversupport.Severity;
import io.plugboard.sdk.inbound.ReceivedEvent;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One Zabbix problem or recovery, as docs/plugins/zabbix-receiver.md's media type script sends it, in
 * the shared alert model: the problem's event id is the alert key, so a recovery pairs with its problem.
 */
final class ZabbixProblem {

    /** Zabbix's severities by number ({EVENT.NSEVERITY}), for scripts that send the number only. */
    private static final List<String> SEVERITY_NAMES =
            List.of("Not classified", "Information", "Warning", "Average", "High", "Disaster");

    private final ReceiverJson json;

    ZabbixProblem(ReceiverJson json) {
        this.json = json;
    }

    ReceivedEvent event(JsonNode body, ZoneId zone) {
        ZabbixFields f = new ZabbixFields(body);
        String eventId = f.id("event_id");
        if (eventId == null) {
            throw new UnparseableRequestException("event_id is required ({EVENT.ID})");
        }
        // A script may send a recovery's own id as event_id and its problem's as p_eventid.
        String problemId = f.id("p_eventid") != null ? f.id("p_eventid") : eventId;
        boolean firing = firing(f);
        String triggerName = f.text("trigger_name");
        String title = f.text("event_name") != null ? f.text("event_name") : triggerName;
        if (title == null) {
            throw new UnparseableRequestException("event_name or trigger_name is required");
        }
        String severity = severityWord(f);
        Instant startedAt = f.time("event_datetime", "event_date", "event_time", zone);
        Instant endedAt = firing ? null : f.time("recovery_datetime", "recovery_date", "recovery_time", zone);
        Alert model = Alert.of(firing, "zabbix", "zabbix:" + problemId, title)
                .description(f.text("event_opdata"))
                .severity(Severity.of(severity, Severity.WARNING), severity)
                .rule(triggerName)
                .startedAt(startedAt).endedAt(endedAt)
                .link(link(f, problemId))
                .raw(body);
        String host = f.text("host_name");
        if (host != null) {
            model.resource(host, "host", f.id("host_id"));
        }
        model.label("host_ip", f.text("host_ip")).label("trigger_id", f.id("trigger_id"));
        ZabbixTags.read(body.get("event_tags")).forEach(model::label);
        return model.event(json).withExternalId(problemId + ":" + (firing ? "problem" : "resolved"));
    }

    /** PROBLEM/RESOLVED ({EVENT.STATUS}), or 1/0 ({EVENT.VALUE}). */
    private static boolean firing(ZabbixFields f) {
        String status = f.text("event_status");
        if (status != null) {
            return switch (status) {
                case "PROBLEM" -> true;
                case "RESOLVED", "OK" -> false;
                default -> throw new UnparseableRequestException("event_status must be PROBLEM or RESOLVED, not \"" + status + "\"");
            };
        }
        String value = f.text("event_value");
        if ("1".equals(value) || "0".equals(value)) {
            return value.equals("1");
        }
        throw new UnparseableRequestException("event_status (PROBLEM or RESOLVED) or event_value (1 or 0) is required");
    }

    /** The severity's name ({EVENT.SEVERITY}), or the name of its number ({EVENT.NSEVERITY}). */
    private static String severityWord(ZabbixFields f) {
        String name = f.text("event_severity");
        if (name != null) {
            return name;
        }
        String number = f.text("event_nseverity");
        if (number == null) {
            return null;
        }
        if (!number.matches("[0-5]")) {
            throw new UnparseableRequestException("event_nseverity must be 0 to 5, not \"" + number + "\"");
        }
        return SEVERITY_NAMES.get(Integer.parseInt(number));
    }

    /** The problem's page in Zabbix's frontend, when the script sends its address. */
    private static String link(ZabbixFields f, String problemId) {
        String url = f.text("zabbix_url");
        String triggerId = f.id("trigger_id");
        if (url == null || triggerId == null) {
            return url;
        }
        return url.replaceAll("/+$", "") + "/tr_events.php?triggerid=" + triggerId + "&eventid=" + problemId;
    }
}
