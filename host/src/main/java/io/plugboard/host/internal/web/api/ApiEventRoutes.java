package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.tracing.Tracing;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.web.http.AppScopes;
import io.plugboard.host.internal.web.http.RouteGroup;

/** {@code /api/v1/event-types} (the catalog) and {@code /api/v1/events} (emitting, one or a batch). */
public final class ApiEventRoutes implements RouteGroup {

    private final EventTypeRegistry eventTypes;
    private final EventService events;
    private final ObjectMapper mapper;
    private final long maxRequestBytes;
    private final Tracing tracing;

    /** @param maxRequestBytes the host's request size limit; a batch may be {@value BatchInput#SIZE_FACTOR} times it */
    /** @param tracing continues the caller's trace ({@code traceparent}) in the events' emit spans */
    private final AppScopes scopes;

    public ApiEventRoutes(EventTypeRegistry eventTypes, EventService events, ObjectMapper mapper, long maxRequestBytes,
                          Tracing tracing, AppScopes scopes) {
        this.scopes = scopes;
        this.tracing = tracing;
        this.eventTypes = eventTypes;
        this.events = events;
        this.mapper = mapper;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        new EventTypesApi(eventTypes, mapper).register(routes);
        new EventsApi(events, mapper, tracing, scopes).register(routes);
        new EventBatchApi(events, mapper, BatchInput.maxBytes(maxRequestBytes), tracing, scopes).register(routes);
    }
}
