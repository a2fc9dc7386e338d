package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.ValidationException;
import io.plugboard.host.internal.delivery.AttemptRecord;
import io.plugboard.host.internal.delivery.DeliveryRecord;
import io.plugboard.host.internal.delivery.DeliveryStore;
import io.plugboard.host.internal.webhooks.Webhook;
import io.plugboard.host.internal.webhooks.WebhookService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A webhook's delivery log (newest first, filtered by status, paged by keyset so it stays fast with
 * millions of rows), one delivery's attempts, "Redeliver", and "Recover all failed since".
 */
final class DeliveriesPage {

    static final int PAGE_SIZE = 50;

    record Filter(String label, String href, boolean active) {}

    private final DeliveryStore deliveries;
    private final WebhookService webhooks;
    private final Runnable wake;
    private final AdminView view;
    private final Clock clock;

    DeliveriesPage(DeliveryStore deliveries, WebhookService webhooks, Runnable wake, AdminView view, Clock clock) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.wake = wake;
        this.view = view;
        this.clock = clock;
    }

    void list(Context ctx) {
        Webhook w = webhooks.get(ctx.pathParam("id"));
        String requested = ctx.queryParam("status");
        String status = requested != null && DeliveryStore.STATUSES.contains(requested) ? requested : null;
        String before = blankToNull(ctx.queryParam("before"));
        List<DeliveryRecord> page = deliveries.list(w.id(), status, before, PAGE_SIZE + 1);
        boolean more = page.size() > PAGE_SIZE;
        List<DeliveryRecord> rows = more ? page.subList(0, PAGE_SIZE) : page;
        String base = "/admin/webhooks/" + w.id() + "/deliveries";
        Map<String, Object> model = new HashMap<>();
        model.put("webhook", w);
        model.put("rows", rows);
        model.put("status", status);
        model.put("filters", List.of(
                new Filter("All", base, status == null),
                new Filter("Succeeded", base + "?status=succeeded", "succeeded".equals(status)),
                new Filter("Failed", base + "?status=failed", "failed".equals(status)),
                new Filter("Pending", base + "?status=pending", "pending".equals(status))));
        if (more) {
            model.put("nextHref", base + "?" + (status == null ? "" : "status=" + status + "&") + "before="
                    + rows.get(rows.size() - 1).id());
        }
        if (before != null) {
            model.put("firstHref", base + (status == null ? "" : "?status=" + status));
        }
        view.render(ctx, "deliveries", "webhooks", "Deliveries", model);
    }

    void show(Context ctx) {
        String id = ctx.pathParam("id");
        DeliveryRecord d = deliveries.get(id);
        Map<String, Object> model = new HashMap<>();
        model.put("delivery", d);
        model.put("webhook", webhooks.find(d.webhookId()).orElse(null));
        List<AttemptRecord> attempts = new ArrayList<>(deliveries.attempts(id));
        Collections.reverse(attempts);
        model.put("attempts", attempts);
        model.put("data", deliveries.eventData(d.eventId()).orElse(""));
        view.render(ctx, "delivery", "webhooks", "Delivery", model);
    }

    void redeliver(Context ctx) {
        String id = ctx.pathParam("id");
        String queued = deliveries.redeliver(id, clock.instant());
        wake.run();
        Flash.set(ctx, "Queued again as delivery " + queued + ".");
        ctx.redirect("/admin/deliveries/" + queued);
    }

    void recover(Context ctx) {
        Webhook w = webhooks.get(ctx.pathParam("id"));
        Instant since = since(ctx.formParam("since"));
        int queued = deliveries.recover(w.id(), since, clock.instant());
        wake.run();
        Flash.set(ctx, queued == 0 ? "No failed delivery since " + since + "."
                : queued + " failed deliver" + (queued == 1 ? "y" : "ies") + " since " + since + " queued again.");
        ctx.redirect("/admin/webhooks/" + w.id() + "/deliveries");
    }

    /** The form's {@code datetime-local} value, read as UTC. */
    private static Instant since(String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of("since", "choose the time from which to recover failed deliveries");
        }
        try {
            return LocalDateTime.parse(value.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ValidationException.of("since", "the time must look like 2026-11-20T08:00");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
