package io.plugboard.host.internal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.SdkJson;
import io.plugboard.sdk.EventEmitter;
import io.plugboard.sdk.InvalidEventException;
import io.plugboard.sdk.json.JsonObject;
import java.util.List;
import java.util.Map;

/** The SDK's {@link EventEmitter} for one source (a plugin, or the embedding app). */
public final class SourceEmitter implements EventEmitter {

    private final EventService events;
    private final ObjectMapper mapper;
    private final String source;

    public SourceEmitter(EventService events, ObjectMapper mapper, String source) {
        this.events = events;
        this.mapper = mapper;
        this.source = source;
    }

    @Override
    public String emit(String type, Map<String, ?> data) {
        JsonNode tree;
        try {
            tree = mapper.valueToTree(data);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("event data cannot be turned into JSON: " + e.getMessage(), List.of());
        }
        return events.emit(source, type, tree).id();
    }

    /** Converts the object straight to a tree: no text in between, numbers exact. */
    @Override
    public String emit(String type, JsonObject data) {
        return events.emit(source, type, data == null ? null : SdkJson.toNode(data)).id();
    }

    @Override
    public String emitJson(String type, String dataJson) {
        JsonNode tree;
        try {
            tree = dataJson == null ? null : mapper.readTree(dataJson);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("event data is not valid JSON: " + e.getOriginalMessage(), List.of());
        }
        return events.emit(source, type, tree).id();
    }
}
