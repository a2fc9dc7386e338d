package io.plugboard.plugins.zabbix;

import com.fasterxml.jackson.databind.JsonNode;
import io.plugboard.sdk.inbound.UnparseableRequestException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Zabbix event's tags as labels: {EVENT.TAGSJSON}'s array of {@code {"tag", "value"}} (the script
 * sends it parsed), or an object of strings. A tag without a value is a label with an empty value.
 */
final class ZabbixTags {

    private ZabbixTags() {}

    static Map<String, String> read(JsonNode tags) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (tags == null || tags.isNull()) {
            return labels;
        }
        if (tags.isObject()) {
            tags.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    throw new UnparseableRequestException("event_tags." + e.getKey() + " must be a string");
                }
                labels.put(e.getKey(), e.getValue().textValue());
            });
            return labels;
        }
        if (!tags.isArray()) {
            throw new UnparseableRequestException("event_tags must be an array of {\"tag\", \"value\"} or an object");
        }
        int n = 0;
        for (JsonNode tag : tags) {
            n++;
            if (!tag.isObject() || !tag.path("tag").isTextual()
                    || !(tag.path("value").isTextual() || tag.path("value").isMissingNode())) {
                throw new UnparseableRequestException("event_tags " + n + " must be {\"tag\": string, \"value\": string}");
            }
            labels.put(tag.get("tag").textValue(), tag.path("value").asText(""));
        }
        return labels;
    }
}
