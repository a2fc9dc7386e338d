package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.delivery.AttemptRecord;
import io.plugboard.host.internal.delivery.DeliveryRecord;
import io.plugboard.host.internal.delivery.DeliveryStore;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One delivery: its payload and attempts, newest first, and "Redeliver". With htmx both answer with
 * the detail panel only (the delivery log opens it in place; a pending delivery's panel refreshes
 * itself until the delivery is finished), and Redeliver has the log reload its rows.
 */
final class DeliveryPage {

    private final DeliveryStore deliveries;
    private final WebhookService webhooks;
    private final Runnable wake;
    private final AdminView view;
    private final Clock clock;

    DeliveryPage(DeliveryStore deliveries, WebhookService webhooks, Runnable wake, AdminView view, Clock clock) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.wake = wake;
        this.view = view;
        this.clock = clock;
    }

    void show(Context ctx) {
        Map<String, Object> model = model(ctx.pathParam("id"));
        if (AdminView.htmx(ctx)) {
            view.fragment(ctx, "delivery-detail", model);
            return;
        }
        Webhook w = (Webhook) model.get("webhook");
        model.put("fullPage", true);
        model.put("breadcrumbs", w == null ? Crumb.trail("Deliveries", "/admin/deliveries", "Delivery")
                : Crumb.trail("Webhooks", "/admin/webhooks", w.name(), "/admin/webhooks/" + w.id() + "/deliveries",
                        "Delivery"));
        view.render(ctx, "delivery", w == null ? "deliveries" : "webhooks", "Delivery", model);
    }

    void redeliver(Context ctx) {
        String queued = deliveries.redeliver(ctx.pathParam("id"), clock.instant());
        wake.run();
        if (AdminView.htmx(ctx)) {
            ctx.header("HX-Trigger", "deliveries-changed"); // the delivery log reloads its rows, showing the new one
        }
        view.done(ctx, "Queued again as delivery " + queued + ".", "/admin/deliveries/" + queued,
                "delivery-detail", model(queued));
    }

    private Map<String, Object> model(String id) {
        DeliveryRecord d = deliveries.get(id);
        Map<String, Object> model = new HashMap<>();
        model.put("delivery", d);
        model.put("pending", "pending".equals(d.status()));
        // A delivery just queued: its panel refreshes itself until the first attempt is in.
        model.put("polling", "pending".equals(d.status()) && d.attempts() == 0);
        model.put("webhook", webhooks.find(d.webhookId()).orElse(null));
        List<AttemptRecord> attempts = new ArrayList<>(deliveries.attempts(id));
        Collections.reverse(attempts);
        model.put("attempts", attempts);
        model.put("data", deliveries.eventData(d.eventId()).orElse(""));
        return model;
    }
}
