package io.plugboard.host.internal.web.api;

import io.opentelemetry.context.Scope;
import io.plugboard.host.internal.tracing.Tracing;
import io.plugboard.host.internal.web.http.AppScopes;
import io.plugboard.host.internal.web.http.JsonBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.events.Emitted;
import io.plugboard.host.internal.events.EventService;
import io.plugboard.host.internal.events.IdempotencyConflictException;
import io.plugboard.host.internal.events.InvalidBatchEventException;
import io.plugboard.host.internal.web.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/events/batch}: up to 1,000 events in one request, validated together and stored
 * in one transaction, all or none. Each event may carry its own idempotency key; the answer lists the
 * ids in order and which of them are replays of earlier events.
 */
final class EventBatchApi {

    private final EventService events;
    private final ObjectMapper mapper;
    private final long maxBytes;
    private final Tracing tracing;

    /** @param maxBytes the largest batch body accepted; larger ones get 413 */
    private final AppScopes scopes;

    EventBatchApi(EventService events, ObjectMapper mapper, long maxBytes, Tracing tracing, AppScopes scopes) {
        this.scopes = scopes;
        this.tracing = tracing;
        this.events = events;
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    void register(JavalinDefaultRoutingApi routes) {
        for (String path : AppScopes.paths("/events/batch")) {
            routes.post(path, this::batch);
        }
    }

    private void batch(io.javalin.http.Context ctx) {
        String app = scopes.named(ctx);
        if (ctx.header(EventsApi.IDEMPOTENCY_KEY) != null) {
            throw ValidationException.of(EventsApi.IDEMPOTENCY_KEY, "a batch takes no Idempotency-Key header: "
                    + "give each event that needs one its own idempotency_key");
        }
        List<EventService.NewEvent> batch = BatchInput.read(ctx, mapper, maxBytes);
        List<Emitted> emitted;
        try (Scope trace = tracing.continueFrom(ctx.header(EventsApi.TRACEPARENT))) {
            emitted = emit(app, batch);
        }
        List<String> ids = new ArrayList<>(emitted.size());
        List<Integer> replayed = new ArrayList<>();
        for (int i = 0; i < emitted.size(); i++) {
            ids.add(emitted.get(i).id());
            if (emitted.get(i).replayed()) {
                replayed.add(i);
            }
        }
        if (replayed.size() == emitted.size()) {
            ctx.header(EventsApi.REPLAYED, "true"); // the whole batch was sent before
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ids", ids);
        answer.put("replayed", replayed);
        JsonBody.send(ctx.status(202), mapper, answer);
    }

    private List<Emitted> emit(String app, List<EventService.NewEvent> batch) {
        try {
            return events.emitAll(app, EventsApi.SOURCE, batch, (connection, written) -> { });
        } catch (InvalidBatchEventException e) {
            String problems = e.problems().isEmpty() ? "" : ": " + String.join("; ", e.problems());
            throw ValidationException.of("events[" + e.position() + "]." + e.field(), e.reason() + problems);
        } catch (IdempotencyConflictException e) {
            String field = "events[" + e.position() + "].idempotency_key";
            String problem = e.earlierPosition() < 0 ? e.getMessage()
                    : "the same idempotency_key as events[" + e.earlierPosition() + "] but a different event "
                            + "(another type or other data); give each event its own key";
            throw new ApiException(409, field + ": " + problem, Map.of(field, problem));
        }
    }
}
