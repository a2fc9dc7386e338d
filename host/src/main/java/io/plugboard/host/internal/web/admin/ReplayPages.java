package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.common.DefaultApp;
import io.javalin.http.Context;
import io.plugboard.host.internal.common.InputTimes;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.delivery.DeliveryReplays;
import io.plugboard.host.internal.delivery.ReplayFilter;
import io.plugboard.host.internal.delivery.ReplayJob;
import io.plugboard.host.internal.outbound.WebhookQuery;
import io.plugboard.host.internal.outbound.WebhookService;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * "Replay these…": {@code /admin/deliveries/replay} counts what a filter matches first (a dry run,
 * with the newest few), then a confirm form queues them again; {@code /admin/deliveries/replay/{id}}
 * shows the job's progress. The filter travels as query parameters, then as the confirm form's hidden
 * fields; times are the admin's UTC {@code datetime-local} values.
 */
final class ReplayPages {

    /** The form's fields: what {@link #filter} reads, from the query or the confirm form alike. */
    private static final List<String> FIELDS = List.of("webhook", "status", "event_type", "from", "to", "response_status");

    private final DeliveryReplays replays;
    private final WebhookService webhooks;
    private final AdminView view;

    ReplayPages(DeliveryReplays replays, WebhookService webhooks, AdminView view) {
        this.replays = replays;
        this.webhooks = webhooks;
        this.view = view;
    }

    void preview(Context ctx) {
        Map<String, Object> model = form(ctx::queryParam);
        try {
            DeliveryReplays.Preview preview = replays.preview(filter(ctx::queryParam));
            model.put("count", preview.count());
            model.put("sample", preview.sample());
            model.put("plural", preview.count() != 1);
        } catch (ValidationException e) {
            ctx.status(400);
            model.put("errors", e.fieldErrors());
        }
        view.render(ctx, "deliveries-replay", "deliveries", "Replay deliveries", model);
    }

    void start(Context ctx) {
        ReplayJob job;
        try {
            job = replays.start(filter(ctx::formParam));
        } catch (ValidationException e) {
            ctx.status(400);
            Map<String, Object> model = form(ctx::formParam);
            model.put("errors", e.fieldErrors());
            view.render(ctx, "deliveries-replay", "deliveries", "Replay deliveries", model);
            return;
        }
        view.flash(ctx, ReplayJob.COMPLETED.equals(job.status())
                ? job.queued() + " deliver" + (job.queued() == 1 ? "y" : "ies") + " queued again."
                : job.total() + " deliveries are being queued again, in batches.");
        ctx.redirect("/admin/deliveries/replay/" + job.id());
    }

    void progress(Context ctx) {
        ReplayJob job = replays.job(ctx.pathParam("id"));
        Map<String, Object> model = new HashMap<>();
        model.put("job", job);
        model.put("running", ReplayJob.RUNNING.equals(job.status()));
        model.put("breadcrumbs", Crumb.trail("Deliveries", "/admin/deliveries", "Replay " + job.id()));
        view.render(ctx, "replay-progress", "deliveries", "Replay " + job.id(), model);
    }

    /** The form's values as given, and the webhooks to choose from. */
    private Map<String, Object> form(Function<String, String> param) {
        Map<String, Object> values = new LinkedHashMap<>();
        FIELDS.forEach(f -> values.put(f, blankToNull(param.apply(f))));
        if (values.get("status") == null) {
            values.put("status", "failed");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("values", values);
        model.put("webhooks", webhooks.search(DefaultApp.ID, new WebhookQuery(null, null, null, WebhookQuery.MAX_LIMIT, 0)).data());
        model.put("statuses", List.of("failed", "succeeded", "any"));
        model.put("breadcrumbs", Crumb.trail("Deliveries", "/admin/deliveries", "Replay deliveries"));
        return model;
    }

    /** @throws ValidationException naming the fields to fix */
    private static ReplayFilter filter(Function<String, String> param) {
        String webhook = blankToNull(param.apply("webhook"));
        String type = blankToNull(param.apply("event_type"));
        String from = blankToNull(param.apply("from"));
        String to = blankToNull(param.apply("to"));
        return new ReplayFilter(webhook == null ? List.of() : List.of(webhook), type == null ? List.of() : List.of(type),
                blankToNull(param.apply("status")), from == null ? null : InputTimes.utcLocal("from", from),
                to == null ? null : InputTimes.utcLocal("to", to), blankToNull(param.apply("response_status")),
                DefaultApp.ID);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
