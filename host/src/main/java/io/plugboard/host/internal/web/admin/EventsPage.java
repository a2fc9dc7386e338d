package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.common.DefaultApp;
import io.javalin.http.Context;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.delivery.DeliveryStore;
import io.plugboard.host.internal.delivery.TestResult;
import io.plugboard.host.internal.delivery.TestSender;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.events.RegisteredEventType;
import io.plugboard.host.internal.outbound.WebhookPage;
import io.plugboard.host.internal.outbound.WebhookQuery;
import io.plugboard.host.internal.outbound.WebhookService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /admin/events}: the event catalog with sample payloads, and "send this event as a test to…". */
final class EventsPage {

    static final int PAGE_SIZE = 20;
    /** Webhooks offered in each card's "Send as a test to" list, newest first. */
    static final int TEST_CHOICES = 100;

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
        List<RegisteredEventType> all = registry.all();
        // Past the end means the last page: the list is in memory, so there is no cost in showing it.
        int pageNo = Math.min(Pager.number(ctx.queryParam("page")), Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE));
        int from = Math.min(Pager.offset(pageNo, PAGE_SIZE), all.size());
        Map<String, List<RegisteredEventType>> groups = new LinkedHashMap<>();
        for (RegisteredEventType t : all.subList(from, Math.min(from + PAGE_SIZE, all.size()))) {
            groups.computeIfAbsent(t.group(), g -> new ArrayList<>()).add(t);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("groups", groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList());
        model.put("count", all.size());
        model.put("pager", Pager.of(pageNo, PAGE_SIZE, all.size(), "/admin/events?"));
        WebhookPage choices = webhooks.search(DefaultApp.ID, new WebhookQuery(null, null, null, TEST_CHOICES, 0));
        model.put("webhooks", choices.data());
        model.put("moreWebhooks", choices.total() > choices.data().size());
        TestResultView.load(ctx.queryParam("tested"), attempts, webhooks).ifPresent(t -> model.put("tested", t));
        view.render(ctx, "events", "events", "Events", model);
    }

    void test(Context ctx) {
        String key = ctx.pathParam("key");
        var webhook = webhooks.get(DefaultApp.ID, formValue(ctx, "webhook_id"));
        TestResult result = testSender.send(webhook, key, null);
        WebhookActions.respondWithResult(ctx, result, "/admin/events", attempts, webhooks, view);
    }

    private static String formValue(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v == null || v.isBlank()) {
            throw ValidationException.of(name, "choose a webhook to send the test to");
        }
        return v;
    }
}
