package io.plugboard.host.internal.web.api;

import io.plugboard.host.internal.web.http.JsonBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.inspector.CapturedRequest;
import io.plugboard.host.internal.inspector.Inbox;
import io.plugboard.host.internal.inspector.Inboxes;
import io.plugboard.host.internal.inspector.SignatureCheck;
import io.plugboard.host.internal.web.http.ApiException;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /api/v1/inspector}: open an inbox, read what it received (signatures checked on request), delete it. */
final class InspectorApi {

    record InboxJson(String id, String label, String url, String loopbackUrl, Instant createdAt, Instant expiresAt,
                     int received) {}

    record RequestJson(int number, Instant receivedAt, String method, String path, String query,
                       Map<String, List<String>> headers, String body, long bodyBytes, boolean truncated,
                       SignatureCheck.Result signature) {

        static RequestJson of(CapturedRequest r, SignatureCheck.Result signature) {
            return new RequestJson(r.number(), r.receivedAt(), r.method(), r.path(), r.query(), r.headers(),
                    r.bodyText(), r.bodyBytes(), r.truncated(), signature);
        }
    }

    private final Inboxes inboxes;
    private final WebhookService webhooks;
    private final ObjectMapper mapper;

    InspectorApi(Inboxes inboxes, WebhookService webhooks, ObjectMapper mapper) {
        this.inboxes = inboxes;
        this.webhooks = webhooks;
        this.mapper = mapper;
    }

    void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/v1/inspector", ctx -> JsonBody.send(ctx, mapper, ListJson.of(inboxes.list().stream().map(this::json).toList())));
        routes.post("/api/v1/inspector", this::create);
        routes.get("/api/v1/inspector/{id}/requests", this::requests);
        routes.delete("/api/v1/inspector/{id}", ctx -> {
            inbox(ctx);
            inboxes.delete(ctx.pathParam("id"));
            ctx.status(204);
        });
    }

    private void create(Context ctx) {
        JsonInput in = JsonInput.read(ctx, mapper, true, Set.of("label"));
        String label = in.string("label") == null ? "Inbox" : in.string("label").strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new ApiException(400, "label must be 1 to 100 characters");
        }
        JsonBody.send(ctx.status(201), mapper, json(inboxes.create(label)));
    }

    private void requests(Context ctx) {
        Inbox inbox = inbox(ctx);
        String webhookId = ctx.queryParam("webhook_id");
        boolean checking = webhookId != null && !webhookId.isBlank();
        Webhook against = checking ? webhooks.find(webhookId).orElse(null) : null;
        SignatureCheck.Result unknown = new SignatureCheck.Result(false, "cannot check: no webhook has the id '"
                + webhookId + "'");
        List<RequestJson> data = inboxes.requests(inbox).stream().map(r -> RequestJson.of(r,
                !checking ? null : against == null ? unknown : SignatureCheck.check(r, against))).toList();
        JsonBody.send(ctx, mapper, ListJson.of(data));
    }

    private Inbox inbox(Context ctx) {
        String id = ctx.pathParam("id");
        return inboxes.find(id).orElseThrow(() -> new NotFoundException("no inbox has the id '" + id + "'"));
    }

    private InboxJson json(Inbox i) {
        return new InboxJson(i.id(), i.label(), i.path(), i.loopbackUrl(), i.createdAt(), i.expiresAt(),
                i.received());
    }
}
