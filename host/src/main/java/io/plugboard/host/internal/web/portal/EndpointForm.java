package io.plugboard.host.internal.web.portal;

import io.javalin.http.Context;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.delivery.TestResult;
import io.plugboard.host.internal.delivery.TestSender;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookChanges;
import io.plugboard.host.internal.outbound.WebhookService;
import io.plugboard.host.internal.outbound.WebhookSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adding an endpoint, and one endpoint's page with its edit form, <em>Send test</em> and the link to its test
 * console. A customer's endpoint
 * is an HTTP URL with a name and event types among those its application allows; the host's checks (the
 * outbound guard against private addresses included) are {@link WebhookService}'s, so a refused URL is shown
 * in the form with what to fix, and nothing is stored.
 */
final class EndpointForm {

    private final WebhookService webhooks;
    private final EventTypeRegistry registry;
    private final TestSender testSender;
    private final PortalView view;
    private final boolean consoleOn;

    /** @param consoleOn whether the endpoint's page links to the test console (its section is on) */
    EndpointForm(WebhookService webhooks, EventTypeRegistry registry, TestSender testSender, PortalView view,
                 boolean consoleOn) {
        this.consoleOn = consoleOn;
        this.webhooks = webhooks;
        this.registry = registry;
        this.testSender = testSender;
        this.view = view;
    }

    void blank(Context ctx) {
        renderNew(ctx, "", "", List.of(), Map.of());
    }

    void create(Context ctx) {
        PortalCaller caller = PortalCaller.of(ctx);
        String name = text(ctx, "name");
        String url = text(ctx, "url");
        List<String> events = ctx.formParams("events");
        try {
            EventChoices.check(registry, caller.app(), events);
            Webhook w = webhooks.create(caller.appId(), new WebhookSettings(name, url, events, true, null), Map.of(),
                    new WebhookService.FieldInput(Map.of(), false));
            view.done(ctx, "Endpoint \u201c" + w.name() + "\u201d added. Its signing secret is below.",
                    "/portal/endpoints/" + w.id());
        } catch (ValidationException e) {
            ctx.status(400);
            renderNew(ctx, name, url, events, e.fieldErrors());
        }
    }

    void show(Context ctx) {
        Webhook w = owned(ctx);
        renderEdit(ctx, w, w.name(), w.url(), w.events(), Map.of());
    }

    void update(Context ctx) {
        Webhook w = owned(ctx);
        String name = text(ctx, "name");
        String url = text(ctx, "url");
        List<String> events = ctx.formParams("events");
        try {
            EventChoices.check(registry, PortalCaller.of(ctx).app(), events);
            webhooks.update(w.appId(), w.id(), new WebhookChanges(name, url, events, null, false, null), Map.of(),
                    new WebhookService.FieldInput(Map.of(), false));
            view.done(ctx, "Endpoint \u201c" + name + "\u201d saved.", "/portal/endpoints/" + w.id());
        } catch (ValidationException e) {
            ctx.status(400);
            renderEdit(ctx, w, name, url, events, e.fieldErrors());
        }
    }

    /** <em>Send test</em>: one signed request now, logged with the endpoint's deliveries, never retried. */
    void test(Context ctx) {
        PortalCaller caller = PortalCaller.of(ctx);
        Webhook w = owned(ctx);
        String event = ctx.formParam("event");
        if (event == null || event.isBlank() || !caller.app().allows(event) || registry.find(event).isEmpty()) {
            throw ValidationException.of("event", "choose one of the event types listed under Send test");
        }
        TestResult result = testSender.send(w, event, null);
        var sent = result.result();
        view.done(ctx, sent.success()
                ? "Test event sent: your endpoint answered " + sent.responseStatus() + " in " + sent.durationMs() + " ms."
                : "Test event failed: " + (sent.responseStatus() != null ? "your endpoint answered "
                        + sent.responseStatus() : sent.error()) + ". See the delivery log below.",
                "/portal/endpoints/" + w.id() + "/deliveries");
    }

    private void renderNew(Context ctx, String name, String url, List<String> events, Map<String, String> errors) {
        Map<String, Object> model = form(ctx, name, url, events, errors);
        view.render(ctx, "endpoint-new", "endpoints", "Add endpoint", model);
    }

    private void renderEdit(Context ctx, Webhook w, String name, String url, List<String> events,
                            Map<String, String> errors) {
        Map<String, Object> model = form(ctx, name, url, events, errors);
        model.put("endpoint", w);
        model.put("consoleOn", consoleOn);
        model.put("testEvents", EventChoices.allowed(registry, PortalCaller.of(ctx).app()).stream()
                .filter(t -> w.events().contains(t.key())).toList());
        view.render(ctx, "endpoint", "endpoints", w.name(), model);
    }

    private Map<String, Object> form(Context ctx, String name, String url, List<String> events,
                                     Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", name);
        model.put("url", url);
        model.put("events", EventChoices.checkboxes(registry, PortalCaller.of(ctx).app(), events));
        model.put("errors", errors);
        model.put("errorList", errors.entrySet().stream()
                .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList());
        return model;
    }

    private Webhook owned(Context ctx) {
        return webhooks.get(PortalCaller.of(ctx).appId(), ctx.pathParam("id"));
    }

    private static String text(Context ctx, String field) {
        String v = ctx.formParam(field);
        return v == null ? "" : v.strip();
    }
}
