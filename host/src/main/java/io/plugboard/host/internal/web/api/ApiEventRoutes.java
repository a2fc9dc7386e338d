package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.web.http.RouteGroup;

/** {@code /api/v1/event-types} (the catalog) and {@code /api/v1/events} (emitting). */
public final class ApiEventRoutes implements RouteGroup {

    private final EventTypeRegistry eventTypes;
    private final EventService events;
    private final ObjectMapper mapper;

    public ApiEventRoutes(EventTypeRegistry eventTypes, EventService events, ObjectMapper mapper) {
        this.eventTypes = eventTypes;
        this.events = events;
        this.mapper = mapper;
    }

    @Override
    public void register(RoutesConfig routes) {
        new EventTypesApi(eventTypes).register(routes);
        new EventsApi(events, mapper).register(routes);
    }
}
