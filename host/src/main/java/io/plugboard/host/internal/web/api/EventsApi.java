package io.plugboard.host.internal.web.api;

import io.opentelemetry.context.Scope;
import io.plugboard.host.internal.tracing.Tracing;
import io.plugboard.host.internal.web.http.AppScopes;
import io.plugboard.host.internal.web.http.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.plugboard.host.internal.events.Emitted;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.IdempotencyKeys;
import io.plugboard.host.internal.events.StoredEvent;
import io.plugboard.host.internal.common.ValidationException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/v1/events}: emits an event from outside the host. With an {@code Idempotency-Key}
 * header the event is stored once per key within 24 hours; a repeat answers with the first event's id
 * and {@code Idempotent-Replayed: true}.
 */
final class EventsApi {

    static final String SOURCE = "api";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    /** The W3C trace context a caller may send: its events' emit spans become children of it. */
    static final String TRACEPARENT = "traceparent";

    private final EventService events;
    private final ObjectMapper mapper;
    private final Tracing tracing;

    private final AppScopes scopes;

    EventsApi(EventService events, ObjectMapper mapper, Tracing tracing, AppScopes scopes) {
        this.scopes = scopes;
        this.tracing = tracing;
        this.events = events;
        this.mapper = mapper;
    }

    void register(JavalinDefaultRoutingApi routes) {
        for (String path : AppScopes.paths("/events")) {
            routes.post(path, ctx -> {
                // The caller's trace, if it sent one: the event's emit span is its child.
                try (Scope trace = tracing.continueFrom(ctx.header(TRACEPARENT))) {
                    emit(ctx);
                }
            });
        }
    }

    private void emit(Context ctx) {
        String app = scopes.named(ctx);
        String key = idempotencyKey(ctx);
        JsonInput in = JsonInput.read(ctx, mapper, false, Set.of("type", "data"));
        String type = in.string("type");
        if (type == null || type.isBlank()) {
            throw ValidationException.of("type", "type is required: the key of a registered event type");
        }
        JsonNode data = in.node("data");
        if (data == null) {
            throw ValidationException.of("data", "data is required: a JSON object");
        }
        if (key == null) {
            StoredEvent event = events.emit(app, SOURCE, type, data);
            JsonBody.send(ctx.status(202), mapper, Map.of("id", event.id()));
            return;
        }
        Emitted emitted = events.emitAll(app, SOURCE, List.of(new EventService.NewEvent(type, data, key)),
                (connection, written) -> { }).get(0);
        if (emitted.replayed()) {
            ctx.header(REPLAYED, "true");
        }
        JsonBody.send(ctx.status(202), mapper, Map.of("id", emitted.id()));
    }

    /** @return the request's idempotency key, or null without one */
    private static String idempotencyKey(Context ctx) {
        List<String> values = Collections.list(ctx.req().getHeaders(IDEMPOTENCY_KEY));
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ValidationException.of(IDEMPOTENCY_KEY, "send one Idempotency-Key header, not " + values.size());
        }
        String problem = IdempotencyKeys.problem(values.get(0));
        if (problem != null) {
            throw ValidationException.of(IDEMPOTENCY_KEY, problem);
        }
        return values.get(0);
    }
}
