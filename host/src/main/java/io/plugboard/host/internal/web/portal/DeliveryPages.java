package io.plugboard.host.internal.web.portal;

import io.javalin.http.Context;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.common.ValidationException;
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
 * An endpoint's delivery log (newest first, 50 a page, by keyset), one delivery with its attempts, and
 * <em>Redeliver</em>. A delivery is the application's when its endpoint is: any other id is answered exactly
 * as an unknown one (404), so a customer cannot tell another's ids exist.
 */
final class DeliveryPages {

    private static final int PAGE_SIZE = 50;

    private final DeliveryStore deliveries;
    private final WebhookService webhooks;
    private final Runnable wake;
    private final Clock clock;
    private final PortalView view;

    DeliveryPages(DeliveryStore deliveries, WebhookService webhooks, Runnable wake, Clock clock, PortalView view) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.wake = wake;
        this.clock = clock;
        this.view = view;
    }

    void list(Context ctx) {
        Webhook w = webhooks.get(PortalCaller.of(ctx).appId(), ctx.pathParam("id"));
        String status = ctx.queryParam("status");
        if (status != null && (status.isBlank() || !DeliveryStore.STATUSES.contains(status))) {
            status = null;
        }
        String before = ctx.queryParam("before");
        List<DeliveryRecord> rows = deliveries.list(w.appId(), w.id(), status,
                before == null || before.isBlank() ? null : before, PAGE_SIZE + 1);
        Map<String, Object> model = new HashMap<>();
        model.put("endpoint", w);
        model.put("deliveries", rows.subList(0, Math.min(rows.size(), PAGE_SIZE)));
        model.put("older", rows.size() > PAGE_SIZE ? rows.get(PAGE_SIZE - 1).id() : null);
        model.put("status", status);
        view.render(ctx, "deliveries", "endpoints", "Deliveries of " + w.name(), model);
    }

    void show(Context ctx) {
        DeliveryRecord d = owned(ctx, ctx.pathParam("id"));
        Map<String, Object> model = new HashMap<>();
        model.put("delivery", d);
        model.put("endpoint", webhooks.find(d.webhookId()).orElseThrow());
        List<AttemptRecord> attempts = new ArrayList<>(deliveries.attempts(d.id()));
        Collections.reverse(attempts);
        model.put("attempts", attempts);
        model.put("data", deliveries.eventData(d.eventId()).orElse(""));
        view.render(ctx, "delivery", "endpoints", "Delivery " + d.id(), model);
    }

    void redeliver(Context ctx) {
        DeliveryRecord d = owned(ctx, ctx.pathParam("id"));
        String queued = deliveries.redeliver(PortalCaller.of(ctx).appId(), d.id(), clock.instant());
        wake.run();
        view.done(ctx, "Queued again as delivery " + queued + ".", "/portal/deliveries/" + queued);
    }

    /** @throws NotFoundException for another application's delivery, exactly as for an unknown id */
    private DeliveryRecord owned(Context ctx, String id) {
        if (id == null || id.length() > 100) {
            throw ValidationException.of("id", "not a delivery id");
        }
        return deliveries.get(PortalCaller.of(ctx).appId(), id);
    }
}
