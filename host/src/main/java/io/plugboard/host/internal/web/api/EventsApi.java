package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.common.ValidationException;
import java.util.Map;
import java.util.Set;

/** {@code POST /api/v1/events}: emits an event from outside the host. */
final class EventsApi {

    static final String SOURCE = "api";

    private final EventService events;
    private final ObjectMapper mapper;

    EventsApi(EventService events, ObjectMapper mapper) {
        this.events = events;
        this.mapper = mapper;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/v1/events", ctx -> {
            JsonInput in = JsonInput.read(ctx, mapper, false, Set.of("type", "data"));
            String type = in.string("type");
            if (type == null || type.isBlank()) {
                throw ValidationException.of("type", "type is required: the key of a registered event type");
            }
            if (in.node("data") == null) {
                throw ValidationException.of("data", "data is required: a JSON object");
            }
            StoredEvent event = events.emit(SOURCE, type, in.node("data"));
            ctx.status(202).json(Map.of("id", event.id()));
        });
    }
}
