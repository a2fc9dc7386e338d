package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.common.DefaultApp;
import io.javalin.http.Context;
import io.plugboard.host.internal.common.InputTimes;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.delivery.DeliveryRecord;
import io.plugboard.host.internal.delivery.DeliveryStore;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The delivery log, of all webhooks ({@code /admin/deliveries}) or of one, newest first, filtered by
 * status and paged by keyset so it stays fast with millions of rows; "Recover all failed since".
 */
final class DeliveriesPage {

    static final int PAGE_SIZE = 50;
    /** The id of the element holding the rows, which htmx names in {@code HX-Target} to reload them. */
    private static final String ROWS = "delivery-rows";

    record Filter(String label, String href, boolean active) {}

    /** A row of the log, with its webhook (null once deleted) for the all-webhooks view. */
    record Row(DeliveryRecord delivery, Webhook webhook) {}

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

    void listAll(Context ctx) {
        Map<String, Object> model = page(ctx, null, "/admin/deliveries");
        if (!rowsOnly(ctx, model)) {
            view.render(ctx, "deliveries", "deliveries", "Deliveries", model);
        }
    }

    void list(Context ctx) {
        Webhook w = webhooks.get(DefaultApp.ID, ctx.pathParam("id"));
        Map<String, Object> model = page(ctx, w, "/admin/webhooks/" + w.id() + "/deliveries");
        model.put("webhook", w);
        if (rowsOnly(ctx, model)) {
            return;
        }
        model.put("breadcrumbs", Crumb.trail("Webhooks", "/admin/webhooks", w.name(),
                "/admin/webhooks/" + w.id() + "/edit", "Deliveries"));
        view.render(ctx, "deliveries", "webhooks", "Deliveries of " + w.name(), model);
    }

    /** htmx reloading the rows (after a redelivery, or while one waits): answers with them alone. */
    private boolean rowsOnly(Context ctx, Map<String, Object> model) {
        if (!AdminView.htmx(ctx) || !ROWS.equals(ctx.header("HX-Target"))) {
            return false;
        }
        view.fragment(ctx, "delivery-rows", model);
        return true;
    }

    private Map<String, Object> page(Context ctx, Webhook w, String base) {
        String requested = ctx.queryParam("status");
        String status = requested != null && DeliveryStore.STATUSES.contains(requested) ? requested : null;
        String before = blankToNull(ctx.queryParam("before"));
        List<DeliveryRecord> page = deliveries.list(DefaultApp.ID, w == null ? null : w.id(), status, before, PAGE_SIZE + 1);
        boolean more = page.size() > PAGE_SIZE;
        List<DeliveryRecord> rows = more ? page.subList(0, PAGE_SIZE) : page;
        Map<String, Object> model = new HashMap<>();
        model.put("rows", rows.stream().map(rowMaker(w, rows)).toList());
        model.put("allWebhooks", w == null);
        // The same page again, for reloading its rows in place.
        model.put("rowsHref", base + query(status, before));
        // As the detail panel does: a delivery just queued is worth watching until its first attempt.
        model.put("awaiting", rows.stream().anyMatch(d -> "pending".equals(d.status()) && d.attempts() == 0));
        model.put("status", status);
        model.put("filters", List.of(
                new Filter("All", base, status == null),
                new Filter("Succeeded", base + "?status=succeeded", "succeeded".equals(status)),
                new Filter("Failed", base + "?status=failed", "failed".equals(status)),
                new Filter("Pending", base + "?status=pending", "pending".equals(status))));
        if (!"pending".equals(status)) {
            // Pending deliveries are not replayed: the filter shown here, as replay's "any" when unfiltered.
            model.put("replayHref", "/admin/deliveries/replay?status=" + (status == null ? "any" : status)
                    + (w == null ? "" : "&webhook=" + URLEncoder.encode(w.id(), StandardCharsets.UTF_8)));
        }
        if (more) {
            model.put("nextHref", base + "?" + (status == null ? "" : "status=" + status + "&") + "before="
                    + rows.get(rows.size() - 1).id());
        }
        if (before != null) {
            model.put("firstHref", base + (status == null ? "" : "?status=" + status));
        }
        return model;
    }

    /** Looks up each distinct webhook of the page once (at most a page's worth). */
    private Function<DeliveryRecord, Row> rowMaker(Webhook only, List<DeliveryRecord> rows) {
        if (only != null) {
            return d -> new Row(d, only);
        }
        Map<String, Optional<Webhook>> byId = rows.stream().map(DeliveryRecord::webhookId).distinct()
                .collect(Collectors.toMap(id -> id, webhooks::find));
        return d -> new Row(d, byId.get(d.webhookId()).orElse(null));
    }

    void recover(Context ctx) {
        Webhook w = webhooks.get(DefaultApp.ID, ctx.pathParam("id"));
        Instant since = since(ctx.formParam("since"));
        int queued = deliveries.recover(w.id(), since, clock.instant());
        wake.run();
        view.flash(ctx, queued == 0 ? "No failed delivery since " + since + "."
                : queued + " failed deliver" + (queued == 1 ? "y" : "ies") + " since " + since + " queued again.");
        ctx.redirect("/admin/webhooks/" + w.id() + "/deliveries");
    }

    /** The form's {@code datetime-local} value, read as UTC. */
    private static Instant since(String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of("since", "choose the time from which to recover failed deliveries");
        }
        return InputTimes.utcLocal("since", value);
    }

    private static String query(String status, String before) {
        String query = (status == null ? "" : "&status=" + status)
                + (before == null ? "" : "&before=" + URLEncoder.encode(before, StandardCharsets.UTF_8));
        return query.isEmpty() ? "" : "?" + query.substring(1);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
