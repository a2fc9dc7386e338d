package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.common.DefaultApp;
import io.javalin.http.Context;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookService;
import io.plugboard.host.internal.stats.Activity;
import io.plugboard.host.internal.stats.ActivityRange;
import io.plugboard.host.internal.stats.ActivityStore;
import io.plugboard.host.internal.stats.Tally;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The admin's home, {@code /admin}: the charts of every webhook's deliveries, the queue, the webhooks
 * failing most and the events emitted per type; and one webhook's charts, {@code
 * /admin/webhooks/{id}/activity}. The range is a plain link ({@code ?range=hour|day|week}).
 */
final class DashboardPage {

    /** A row of a ranked list: a label (a link when {@code href} is set), its count and its bar's width. */
    record Ranked(String label, String href, long count, String barWidth) {}

    record RangeLink(String label, String href, boolean active) {}

    private final ActivityStore activity;
    private final WebhookService webhooks;
    private final AdminView view;
    private final Clock clock;

    DashboardPage(ActivityStore activity, WebhookService webhooks, AdminView view, Clock clock) {
        this.activity = activity;
        this.webhooks = webhooks;
        this.view = view;
        this.clock = clock;
    }

    void show(Context ctx) {
        ActivityRange range = ActivityRange.parse(ctx.queryParam("range"));
        Activity a = activity.activity(range, null, clock.instant());
        Map<String, Object> model = model(a, ranges("/admin", range));
        model.put("mostFailing", a.mostFailing().stream()
                .map(t -> ranked(t, "/admin/webhooks/" + t.id() + "/deliveries", a.mostFailing())).toList());
        model.put("eventTypes", a.eventTypes().stream().map(t -> ranked(t, null, a.eventTypes())).toList());
        view.render(ctx, "dashboard", "dashboard", "Dashboard", model);
    }

    void showWebhook(Context ctx) {
        Webhook w = webhooks.get(DefaultApp.ID, ctx.pathParam("id"));
        ActivityRange range = ActivityRange.parse(ctx.queryParam("range"));
        String base = "/admin/webhooks/" + w.id() + "/activity";
        Map<String, Object> model = model(activity.activity(range, w.id(), clock.instant()), ranges(base, range));
        model.put("webhook", w);
        model.put("breadcrumbs", Crumb.trail("Webhooks", "/admin/webhooks", w.name(),
                "/admin/webhooks/" + w.id() + "/edit", "Activity"));
        view.render(ctx, "webhook-activity", "webhooks", "Activity of " + w.name(), model);
    }

    private static List<RangeLink> ranges(String base, ActivityRange current) {
        return Arrays.stream(ActivityRange.values())
                .map(r -> new RangeLink(r.label(), base + "?range=" + r.id(), r == current)).toList();
    }

    private static Ranked ranked(Tally t, String href, List<Tally> all) {
        long max = Math.max(1, all.stream().mapToLong(Tally::count).max().orElse(1));
        return new Ranked(t.name(), href, t.count(), String.format(Locale.ROOT, "%.1f", 100.0 * t.count() / max));
    }

    /** What both pages show: the range links, the summary, the two charts and their table. */
    private static Map<String, Object> model(Activity a, List<RangeLink> ranges) {
        Map<String, Object> model = new HashMap<>();
        model.put("ranges", ranges);
        model.put("summary", ActivityText.summary(a));
        model.put("rows", ActivityText.rows(a));
        model.put("deliveriesChart", ActivityCharts.deliveries(a.deliveries().intervals(), a.range()));
        model.put("latencyChart", ActivityCharts.latency(a.deliveries().intervals(), a.range()));
        model.put("viewBox", "0 0 " + ActivityCharts.WIDTH + " " + ActivityCharts.HEIGHT);
        return model;
    }
}
