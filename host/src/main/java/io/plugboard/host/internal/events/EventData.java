package io.plugboard.host.internal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.sdk.InvalidEventException;
import java.util.List;
import java.util.Map;

/** An SDK emit's data (a map, or JSON text) as the tree {@link EventService} validates: the one conversion. */
final class EventData {

    private EventData() {}

    /** @throws InvalidEventException if the map holds something that is not JSON */
    static JsonNode fromMap(ObjectMapper mapper, Map<String, ?> data) {
        try {
            return mapper.valueToTree(data);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("event data cannot be turned into JSON: " + e.getMessage(), List.of());
        }
    }

    /** @return the parsed text, or null for null (refused later as "not a JSON object") */
    static JsonNode fromJson(ObjectMapper mapper, String dataJson) {
        try {
            return dataJson == null ? null : mapper.readTree(dataJson);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("event data is not valid JSON: " + e.getOriginalMessage(), List.of());
        }
    }
}
