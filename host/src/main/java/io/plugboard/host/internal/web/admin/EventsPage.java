package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.ValidationException;
import io.plugboard.host.internal.delivery.DeliveryStore;
import io.plugboard.host.internal.delivery.TestResult;
import io.plugboard.host.internal.delivery.TestSender;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.RegisteredEventType;
import io.plugboard.host.internal.webhooks.WebhookQuery;
import io.plugboard.host.internal.webhooks.WebhookService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /admin/events}: the event catalog with sample payloads, and "send this event as a test to…". */
final class EventsPage {

    record Group(String name, List<RegisteredEventType> types) {}

    private final EventTypeRegistry registry;
    private final WebhookService webhooks;
    private final TestSender testSender;
    private final DeliveryStore attempts;
    private final AdminView view;

    EventsPage(EventTypeRegistry registry, WebhookService webhooks, TestSender testSender, DeliveryStore attempts,
               AdminView view) {
        this.registry = registry;
        this.webhooks = webhooks;
        this.testSender = testSender;
        this.attempts = attempts;
        this.view = view;
    }

    void show(Context ctx) {
        Map<String, List<RegisteredEventType>> groups = new LinkedHashMap<>();
        for (RegisteredEventType t : registry.all()) {
            groups.computeIfAbsent(t.group(), g -> new ArrayList<>()).add(t);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("groups", groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList());
        model.put("count", registry.all().size());
        model.put("webhooks", webhooks.search(WebhookQuery.all()).data());
        TestResultView.load(ctx.queryParam("tested"), attempts, webhooks).ifPresent(t -> model.put("tested", t));
        view.render(ctx, "events", "events", "Events", model);
    }

    void test(Context ctx) {
        String key = ctx.pathParam("key");
        var webhook = webhooks.get(formValue(ctx, "webhook_id"));
        TestResult result = testSender.send(webhook, key, null);
        ctx.redirect("/admin/events?tested=" + result.attemptId() + "#test-result");
    }

    private static String formValue(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null || v.isBlank()) {
            throw ValidationException.of(name, "choose a webhook to send the test to");
        }
        return v;
    }
}
