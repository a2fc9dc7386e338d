package io.plugboard.host.internal.web.portal;

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
import java.util.List;
import java.util.Map;

/**
 * {@code /portal/endpoints/{id}/console}: the customer's test console. They pick one of the event types their
 * application may subscribe to (never the host's operational ones), edit its payload (the sample to start with),
 * send it once to their endpoint and see the exact request (secrets masked) and the full response. Nothing is
 * stored. A payload that is not a JSON object, or breaks the type's schema, is shown back with what to fix (400)
 * and nothing is sent. A read-only session sees the page without its form ({@link PortalAccess} refuses its posts).
 */
final class TestConsolePage {

    private final WebhookService webhooks;
    private final EventTypeRegistry registry;
    private final TestConsole console;
    private final ObjectMapper mapper;
    private final PortalView view;

    TestConsolePage(WebhookService webhooks, EventTypeRegistry registry, TestConsole console, ObjectMapper mapper,
                    PortalView view) {
        this.webhooks = webhooks;
        this.registry = registry;
        this.console = console;
        this.mapper = mapper;
        this.view = view;
    }

    void show(Context ctx) {
        Webhook w = owned(ctx);
        List<RegisteredEventType> offered = EventChoices.allowed(registry, PortalCaller.of(ctx).app());
        String asked = ctx.queryParam("event");
        String event = asked != null && offered.stream().anyMatch(t -> t.key().equals(asked)) ? asked
                : firstChoice(w, offered);
        render(ctx, w, offered, event, sample(offered, event), null, Map.of());
    }

    void send(Context ctx) {
        Webhook w = owned(ctx);
        List<RegisteredEventType> offered = EventChoices.allowed(registry, PortalCaller.of(ctx).app());
        String event = ctx.formParam("event") == null ? "" : ctx.formParam("event");
        String payload = ctx.formParam("payload") == null ? "" : ctx.formParam("payload");
        if (offered.stream().noneMatch(t -> t.key().equals(event))) {
            ctx.status(400);
            render(ctx, w, offered, firstChoice(w, offered), payload, null,
                    Map.of("event", "choose one of the event types listed (those you can subscribe to)"));
            return;
        }
        if (ctx.formParam("load_sample") != null) {
            render(ctx, w, offered, event, sample(offered, event), null, Map.of());
            return;
        }
        try {
            ConsoleResult result = console.send(w, event, parse(payload));
            render(ctx, w, offered, event, payload, result, Map.of());
        } catch (ValidationException e) {
            ctx.status(400);
            render(ctx, w, offered, event, payload, null, e.fieldErrors());
        } catch (InvalidEventException e) {
            ctx.status(400);
            String details = e.problems().isEmpty() ? "" : ": " + String.join("; ", e.problems());
            render(ctx, w, offered, event, payload, null, Map.of("payload", e.getMessage() + details));
        }
    }

    /** @return the endpoint's first subscribed type the portal offers, else the first offered, else null */
    private static String firstChoice(Webhook w, List<RegisteredEventType> offered) {
        return offered.stream().map(RegisteredEventType::key).filter(w.events()::contains).findFirst()
                .orElse(offered.isEmpty() ? null : offered.get(0).key());
    }

    private JsonNode parse(String payload) {
        try {
            JsonNode node = mapper.readTree(payload);
            if (node == null || !node.isObject()) {
                throw ValidationException.of("payload", "the payload must be a JSON object, like {\"id\": 1} "
                        + "(it becomes the event's data)");
            }
            return node;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw ValidationException.of("payload", "the payload is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    private String sample(List<RegisteredEventType> offered, String event) {
        return offered.stream().filter(t -> t.key().equals(event)).findFirst().map(RegisteredEventType::sample)
                .map(s -> {
                    try {
                        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(s);
                    } catch (JsonProcessingException e) {
                        return String.valueOf(s);
                    }
                }).orElse("{}");
    }

    private void render(Context ctx, Webhook w, List<RegisteredEventType> offered, String event, String payload,
                        ConsoleResult result, Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("endpoint", w);
        model.put("choices", offered.stream().map(t -> Map.<String, Object>of("key", t.key(),
                "name", t.name() == null ? t.key() : t.name(), "selected", t.key().equals(event))).toList());
        model.put("payload", payload);
        model.put("result", result);
        model.put("errors", errors);
        view.render(ctx, "console", "endpoints", "Test console: " + w.name(), model);
    }

    /** @throws io.plugboard.host.internal.common.NotFoundException for an id that is not the application's */
    private Webhook owned(Context ctx) {
        return webhooks.get(PortalCaller.of(ctx).appId(), ctx.pathParam("id"));
    }
}
