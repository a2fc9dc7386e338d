package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.web.http.RouteGroup;

/** {@code /api/v1/event-types} (the catalog) and {@code /api/v1/events} (emitting, one or a batch). */
public final class ApiEventRoutes implements RouteGroup {

    private final EventTypeRegistry eventTypes;
    private final EventService events;
    private final ObjectMapper mapper;
    private final long maxRequestBytes;

    /** @param maxRequestBytes the host's request size limit; a batch may be {@value BatchInput#SIZE_FACTOR} times it */
    public ApiEventRoutes(EventTypeRegistry eventTypes, EventService events, ObjectMapper mapper, long maxRequestBytes) {
        this.eventTypes = eventTypes;
        this.events = events;
        this.mapper = mapper;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        new EventTypesApi(eventTypes, mapper).register(routes);
        new EventsApi(events, mapper).register(routes);
        new EventBatchApi(events, mapper, BatchInput.maxBytes(maxRequestBytes)).register(routes);
    }
}
