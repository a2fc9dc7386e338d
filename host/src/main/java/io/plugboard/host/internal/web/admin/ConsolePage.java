package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.common.DefaultApp;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.delivery.ConsoleResult;
import io.plugboard.host.internal.delivery.TestConsole;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.RegisteredEventType;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookService;
import io.plugboard.sdk.InvalidEventException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /admin/webhooks/{id}/console}: pick an event type, edit its payload (the sample to start
 * with), send it once, and see the exact request (secrets masked) and the full response. Nothing is
 * stored. "Load sample" swaps in the chosen type's sample without JavaScript.
 */
final class ConsolePage {

    private final WebhookService webhooks;
    private final EventTypeRegistry registry;
    private final TestConsole console;
    private final ObjectMapper mapper;
    private final AdminView view;

    ConsolePage(WebhookService webhooks, EventTypeRegistry registry, TestConsole console, ObjectMapper mapper,
                AdminView view) {
        this.webhooks = webhooks;
        this.registry = registry;
        this.console = console;
        this.mapper = mapper;
        this.view = view;
    }

    void show(Context ctx) {
        Webhook w = webhooks.get(DefaultApp.ID, ctx.pathParam("id"));
        String event = ctx.queryParam("event") != null ? ctx.queryParam("event") : w.events().get(0);
        render(ctx, w, event, sample(event), null, Map.of());
    }

    void send(Context ctx) {
        Webhook w = webhooks.get(DefaultApp.ID, ctx.pathParam("id"));
        String event = ctx.formParam("event") == null ? w.events().get(0) : ctx.formParam("event");
        String payload = ctx.formParam("payload") == null ? "" : ctx.formParam("payload");
        if (ctx.formParam("load_sample") != null) {
            render(ctx, w, event, sample(event), null, Map.of());
            return;
        }
        try {
            ConsoleResult result = console.send(w, event, parse(payload));
            render(ctx, w, event, payload, result, Map.of());
        } catch (ValidationException e) {
            ctx.status(400);
            render(ctx, w, event, payload, null, e.fieldErrors());
        } catch (InvalidEventException e) {
            ctx.status(400);
            String details = e.problems().isEmpty() ? "" : ": " + String.join("; ", e.problems());
            render(ctx, w, event, payload, null, Map.of("payload", e.getMessage() + details));
        }
    }

    private JsonNode parse(String payload) {
        try {
            JsonNode node = mapper.readTree(payload);
            if (node == null || !node.isObject()) {
                throw ValidationException.of("payload", "the payload must be a JSON object (the event's data)");
            }
            return node;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw ValidationException.of("payload", "the payload is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    private String sample(String event) {
        return registry.find(event).map(RegisteredEventType::sample).map(s -> {
            try {
                return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(s);
            } catch (JsonProcessingException e) {
                return s.toString();
            }
        }).orElse("{}");
    }

    private void render(Context ctx, Webhook w, String event, String payload, ConsoleResult result,
                        Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("webhook", w);
        model.put("choices", FormPreview.choices(registry, event));
        model.put("payload", payload);
        model.put("result", result);
        model.put("errors", errors);
        model.put("breadcrumbs", Crumb.trail("Webhooks", "/admin/webhooks", "Test console: " + w.name()));
        view.render(ctx, "console", "webhooks", "Test console", model);
    }
}
