package io.plugboard.host.internal.web.api;

import io.plugboard.host.internal.web.http.AppScopes;
import io.plugboard.host.internal.web.http.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.http.Context;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.delivery.RequestPreview;
import io.plugboard.host.internal.delivery.TestConsole;
import io.plugboard.host.internal.outbound.PayloadSettings;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookDestination;
import io.plugboard.host.internal.outbound.WebhookService;
import java.util.Set;

/**
 * {@code POST /api/v1/webhooks/preview}: the request a webhook's settings would send for an event,
 * secrets masked, nothing sent; and {@code POST /api/v1/webhooks/{id}/console}: the test console, a
 * payload of your own sent once to a saved webhook, nothing stored. Both also under
 * {@code /api/v1/apps/{app}/webhooks/…}: a preview names that application's secrets, and a webhook id of
 * another application is not found.
 */
final class PreviewApi {

    private static final Set<String> PREVIEW_FIELDS = Set.of("format_settings", "webhook_id", "name", "url", "token", "format", "template",
            "headers", "filter", "event", "payload");

    private final RequestPreview preview;
    private final TestConsole console;
    private final WebhookService webhooks;
    private final ObjectMapper mapper;
    private final boolean consoleOn;
    private final AppScopes scopes;

    /** @param consoleOn whether the test console's route is registered (its section is on) */
    PreviewApi(RequestPreview preview, TestConsole console, WebhookService webhooks, ObjectMapper mapper, boolean consoleOn,
               AppScopes scopes) {
        this.scopes = scopes;
        this.preview = preview;
        this.console = console;
        this.webhooks = webhooks;
        this.mapper = mapper;
        this.consoleOn = consoleOn;
    }

    void register(JavalinDefaultRoutingApi routes) {
        for (String path : AppScopes.paths("/webhooks")) {
            routes.post(path + "/preview", this::preview);
            if (consoleOn) {
                routes.post(path + "/{id}/console", this::console);
            }
        }
    }

    private void preview(Context ctx) {
        String app = scopes.id(ctx);
        JsonInput in = JsonInput.read(ctx, mapper, false, PREVIEW_FIELDS);
        String baseId = in.string("webhook_id");
        Webhook base = baseId == null ? null : webhooks.get(app, baseId);
        PayloadSettings current = base == null ? PayloadSettings.DEFAULT : base.settings().payload();
        PayloadSettings settings = new PayloadSettings.Changes(in.string("format"), in.has("template"),
                in.string("template"), in.stringMap("headers"), in.has("filter"), in.string("filter"),
                in.settings("format_settings")).applyTo(current);
        String name = in.has("name") || base == null ? in.string("name") : base.name();
        String url = in.has("url") || base == null ? in.string("url") : base.url();
        String token = in.has("token") || base == null ? in.string("token") : base.settings().token();
        String event = in.string("event");
        if (event == null && base != null) {
            event = base.events().get(0);
        }
        WebhookDestination destination = base == null ? WebhookDestination.HTTP : base.settings().destination();
        JsonBody.send(ctx, mapper, preview.preview(app, name, url, token, settings, destination, event, payload(in)));
    }

    private void console(Context ctx) {
        Webhook webhook = webhooks.get(scopes.id(ctx), ctx.pathParam("id"));
        JsonInput in = JsonInput.read(ctx, mapper, true, Set.of("event", "payload"));
        JsonBody.send(ctx, mapper, ConsoleJson.of(console.send(webhook, in.string("event"), payload(in))));
    }

    private static JsonNode payload(JsonInput in) {
        JsonNode payload = in.node("payload");
        if (payload != null && !payload.isObject()) {
            throw ValidationException.of("payload", "payload must be a JSON object (the event's data)");
        }
        return payload;
    }
}
