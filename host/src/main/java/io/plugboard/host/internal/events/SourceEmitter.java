package io.plugboard.host.internal.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.sdk.EventEmitter;
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

    @Override
    public String emitJson(String type, String dataJson) {
        SourceTransactions.refuseInside("emitJson");
        return events.emit(source, type, EventData.fromJson(mapper, dataJson)).id();
    }
}
