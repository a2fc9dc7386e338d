package io.plugboard.host.internal.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.plugboard.host.internal.web.http.AppScopes;
import io.plugboard.host.internal.web.http.JsonBody;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.inbound.ReceivedEvents;
import java.time.Instant;

/**
 * {@code GET /api/v1/received-events}: events that arrived through inbound webhooks, newest first,
 * each with its origin; filter by {@code inbound_webhook}, page with {@code before} (an event id). Also under
 * {@code /api/v1/apps/{app}/received-events}: only what that application's inbound webhooks received.
 */
final class ReceivedEventsApi {

    record Origin(String inboundWebhookId, String inboundWebhookName, String externalId, Instant occurredAt,
                  Instant receivedAt) {}

    record EventJson(String id, String type, String source, Instant createdAt, @JsonRawValue String data, Origin origin) {}

    private final ReceivedEvents received;
    private final ObjectMapper mapper;
    private final AppScopes scopes;

    ReceivedEventsApi(ReceivedEvents received, ObjectMapper mapper, AppScopes scopes) {
        this.scopes = scopes;
        this.received = received;
        this.mapper = mapper;
    }

    void register(JavalinDefaultRoutingApi routes) {
        for (String path : AppScopes.paths("/received-events")) {
            routes.get(path, this::list);
        }
    }

    private void list(Context ctx) {
        String app = scopes.id(ctx);
        int limit = QueryParams.integer(ctx, "limit", 50, 1, ReceivedEvents.MAX_LIMIT);
        String inbound = blankToNull(ctx.queryParam("inbound_webhook"));
        JsonBody.send(ctx, mapper, ListJson.of(received.list(app, inbound, blankToNull(ctx.queryParam("before")), limit)
                .stream().map(r -> new EventJson(r.eventId(), r.type(), "inbound:" + r.inboundId(), r.createdAt(),
                        r.data(), new Origin(r.inboundId(), r.inboundName(), r.externalId(),
                        r.occurredAt(), r.receivedAt()))).toList()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
