package io.plugboard.host.internal.web.api;

import io.plugboard.host.internal.payloads.OutboundCatalog;

import io.plugboard.host.internal.web.http.AppScopes;
import io.plugboard.host.internal.web.http.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.delivery.TestResult;
import io.plugboard.host.internal.delivery.TestSender;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.outbound.EndpointAccess;
import io.plugboard.host.internal.outbound.PayloadSettings;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookChanges;
import io.plugboard.host.internal.outbound.WebhookSettings;
import io.plugboard.host.internal.outbound.WebhookPage;
import io.plugboard.host.internal.outbound.WebhookQuery;
import io.plugboard.host.internal.outbound.WebhookService;
import java.time.Duration;
import java.util.Set;

/** {@code /api/v1/webhooks}: create, list and search, read, change, delete, and send a test event. */
final class WebhooksApi {

    private static final Set<String> FIELDS =
            Set.of("name", "url", "events", "enabled", "token", "format", "template", "headers", "filter",
                    "format_settings", "destination", "plugin_fields", "rate_limit", "client_tls", "oauth");

    record TestJson(boolean success, Integer responseStatus, String responseBody, long durationMs, String error,
                    String eventId, String eventType, String attemptId) {

        /** The answer shows the first 4 KB of the response; the delivery log keeps more. */
        static final int BODY_SHOWN = 4096;

        static TestJson of(TestResult t) {
            var r = t.result();
            String body = r.responseBody() == null || r.responseBody().length() <= BODY_SHOWN
                    ? r.responseBody() : r.responseBody().substring(0, BODY_SHOWN);
            return new TestJson(r.success(), r.responseStatus(), body, r.durationMs(), r.error(),
                    t.eventId(), t.eventType(), t.attemptId());
        }
    }

    private final WebhookService webhooks;
    private final TestSender testSender;
    private final ObjectMapper mapper;
    private final Duration rotationOverlap;
    private final EventTypeRegistry eventTypes;
    private final OutboundCatalog catalog;
    private final AppScopes scopes;

    WebhooksApi(WebhookService webhooks, TestSender testSender, ObjectMapper mapper, Duration rotationOverlap,
                EventTypeRegistry eventTypes, OutboundCatalog catalog, AppScopes scopes) {
        this.scopes = scopes;
        this.catalog = catalog;
        this.webhooks = webhooks;
        this.eventTypes = eventTypes;
        this.testSender = testSender;
        this.mapper = mapper;
        this.rotationOverlap = rotationOverlap;
    }

    void register(JavalinDefaultRoutingApi routes) {
        for (String path : AppScopes.paths("/webhooks")) {
            routes.get(path, this::list);
            routes.post(path, this::create);
            routes.get(path + "/{id}", ctx -> JsonBody.send(ctx, mapper, json(webhook(ctx), true)));
            routes.patch(path + "/{id}", this::update);
            routes.delete(path + "/{id}", ctx -> {
                webhooks.delete(scopes.id(ctx), ctx.pathParam("id"));
                ctx.status(204);
            });
            routes.post(path + "/{id}/test", this::test);
            routes.post(path + "/{id}/rotate-secret", ctx -> JsonBody.send(ctx, mapper,
                    json(webhooks.rotateSecret(scopes.id(ctx), ctx.pathParam("id"), rotationOverlap), true)));
        }
    }

    private Webhook webhook(Context ctx) {
        return webhooks.get(scopes.id(ctx), ctx.pathParam("id"));
    }

    private void list(Context ctx) {
        WebhookQuery query = new WebhookQuery(ctx.queryParam("q"), ctx.queryParam("event"),
                QueryParams.bool(ctx, "enabled"),
                QueryParams.integer(ctx, "limit", WebhookQuery.DEFAULT_LIMIT, 1, WebhookQuery.MAX_LIMIT),
                QueryParams.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE));
        WebhookPage page = webhooks.search(scopes.id(ctx), query);
        JsonBody.send(ctx, mapper, new ListJson<>(page.data().stream().map(w -> json(w, false)).toList(), page.total()));
    }

    private void create(Context ctx) {
        String app = scopes.id(ctx);
        JsonInput in = JsonInput.read(ctx, mapper, false, FIELDS).collecting();
        Boolean enabled = in.bool("enabled");
        Webhook created = webhooks.create(app, new WebhookSettings(in.string("name"), in.string("url"), in.strings("events"),
                enabled == null || enabled, in.string("token"), new PayloadSettings(in.string("format"),
                        in.string("template"), in.stringMap("headers"), in.string("filter"), in.settings("format_settings")),
                DestinationInput.read(in), in.number("rate_limit"), AccessInput.read(in).applyTo(EndpointAccess.NONE)),
                in.problems(), fieldInput(in));
        JsonBody.send(ctx.status(201).header("Location", AppScopes.location(ctx, "/webhooks/" + created.id())), mapper, json(created, true));
    }

    private void update(Context ctx) {
        String app = scopes.id(ctx);
        JsonInput in = JsonInput.read(ctx, mapper, false, FIELDS).collecting();
        Webhook updated = webhooks.update(app, ctx.pathParam("id"), new WebhookChanges(in.string("name"),
                in.string("url"), in.strings("events"), in.bool("enabled"), in.has("token"), in.string("token"),
                new PayloadSettings.Changes(in.string("format"), in.has("template"), in.string("template"),
                        in.stringMap("headers"), in.has("filter"), in.string("filter"), in.settings("format_settings")),
                DestinationInput.read(in), in.has("rate_limit"), in.number("rate_limit"), AccessInput.read(in)),
                in.problems(), fieldInput(in));
        JsonBody.send(ctx, mapper, json(updated, true));
    }

    private void test(Context ctx) {
        Webhook webhook = webhook(ctx);
        JsonInput in = JsonInput.read(ctx, mapper, true, Set.of("event", "payload"));
        JsonNode payload = in.node("payload");
        if (payload != null && !payload.isObject()) {
            throw ValidationException.of("payload", "payload must be a JSON object (the event's data)");
        }
        JsonBody.send(ctx, mapper, TestJson.of(testSender.send(webhook, in.string("event"), payload)));
    }

    /** {@code plugin_fields}: checked against the active plugins' declarations with the webhook (400 naming what is wrong). */
    private static WebhookService.FieldInput fieldInput(JsonInput in) {
        return new WebhookService.FieldInput(in.pluginSettings("plugin_fields"), false);
    }

    /** One webhook (withSecret) shows its plugin fields; a list does not, so listing runs no plugin filters. */
    private WebhookJson json(Webhook webhook, boolean withSecret) {
        var fields = webhooks.pluginFields();
        return WebhookJson.of(webhook, withSecret, eventTypes::contains, catalog, catalog.target(webhook),
                withSecret && fields != null ? fields.shown(webhook.id()) : null);
    }
}
