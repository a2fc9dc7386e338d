package io.plugboard.host.internal.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.common.SdkJson;
import io.plugboard.sdk.EventEmitter;
import io.plugboard.sdk.json.JsonObject;
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
        SourceTransactions.refuseInside("emit");
        return events.emit(source, type, EventData.fromMap(mapper, data)).id();
    }

    /** Converts the object straight to a tree: no text in between, numbers exact. */
    @Override
    public String emit(String type, JsonObject data) {
        SourceTransactions.refuseInside("emit");
        return events.emit(source, type, data == null ? null : SdkJson.toNode(data)).id();
    }

    @Override
    public String emitJson(String type, String dataJson) {
        SourceTransactions.refuseInside("emitJson");
        return events.emit(source, type, EventData.fromJson(mapper, dataJson)).id();
    }
}
