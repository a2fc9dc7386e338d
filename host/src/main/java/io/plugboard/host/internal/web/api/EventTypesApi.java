package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.web.http.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.RegisteredEventType;

/** {@code GET /api/v1/event-types}: the catalog of every registered event type. */
final class EventTypesApi {

    record EventTypeJson(String key, String name, String description, String group, String pluginId,
                         JsonNode sample, JsonNode schema, boolean broadcast) {

        static EventTypeJson of(RegisteredEventType t) {
            return new EventTypeJson(t.key(), t.name(), t.description(), t.group(), t.pluginId(), t.sample(),
                    t.schemaJson(), t.broadcast());
        }
    }

    private final EventTypeRegistry registry;
    private final ObjectMapper mapper;

    EventTypesApi(EventTypeRegistry registry, ObjectMapper mapper) {
        this.registry = registry;
        this.mapper = mapper;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/event-types", ctx ->
                JsonBody.send(ctx, mapper, ListJson.of(registry.all().stream().map(EventTypeJson::of).toList())));
        routes.get("/api/v1/event-types/{key}", ctx -> {
            String key = ctx.pathParam("key");
            JsonBody.send(ctx, mapper, EventTypeJson.of(registry.find(key)
                    .orElseThrow(() -> new NotFoundException("no event type has the key '" + key + "'"))));
        });
    }
}
