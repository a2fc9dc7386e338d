package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.common.DefaultApp;
import io.javalin.http.Context;
import io.plugboard.host.internal.delivery.DeliveryStore;
import io.plugboard.host.internal.delivery.TestResult;
import io.plugboard.host.internal.delivery.TestSender;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookService;
import java.util.HashMap;
import java.util.Map;

/**
 * The per-row actions of the webhooks table: On/Off and "Send test event" (in place with htmx, by
 * redirect without), and delete (after typing the name).
 */
final class WebhookActions {

    private final WebhookService webhooks;
    private final TestSender testSender;
    private final DeliveryStore attempts;
    private final AdminView view;

    WebhookActions(WebhookService webhooks, TestSender testSender, DeliveryStore attempts, AdminView view) {
        this.webhooks = webhooks;
        this.testSender = testSender;
        this.attempts = attempts;
        this.view = view;
    }

    void toggle(Context ctx) {
        Webhook w = webhooks.get(DefaultApp.ID, ctx.pathParam("id"));
        Webhook changed = webhooks.setEnabled(DefaultApp.ID, w.id(), !w.enabled());
        view.done(ctx, "Webhook \u201c" + changed.name() + "\u201d turned " + (changed.enabled() ? "on." : "off."),
                "/admin/webhooks", "webhook-toggle", Map.of("webhook", changed));
    }

    void test(Context ctx) {
        Webhook w = webhooks.get(DefaultApp.ID, ctx.pathParam("id"));
        String event = ctx.formParam("event");
        TestResult result = testSender.send(w, event == null || event.isBlank() ? null : event, null);
        respondWithResult(ctx, result, "/admin/webhooks", attempts, webhooks, view);
    }

    /** The test result in place for htmx, else on the page the redirect leads to. */
    static void respondWithResult(Context ctx, TestResult result, String page, DeliveryStore attempts,
                                  WebhookService webhooks, AdminView view) {
        if (!AdminView.htmx(ctx)) {
            ctx.redirect(page + "?tested=" + result.attemptId() + "#test-result");
            return;
        }
        Map<String, Object> model = new HashMap<>();
        TestResultView.load(result.attemptId(), attempts, webhooks).ifPresent(t -> model.put("tested", t));
        view.fragment(ctx, "test-result", model);
    }

    void confirmDelete(Context ctx) {
        renderConfirm(ctx, webhooks.get(DefaultApp.ID, ctx.pathParam("id")), null);
    }

    void delete(Context ctx) {
        Webhook w = webhooks.get(DefaultApp.ID, ctx.pathParam("id"));
        String typed = ctx.formParam("confirm_name");
        if (typed == null || !typed.strip().equals(w.name())) {
            ctx.status(400);
            renderConfirm(ctx, w, "The name you typed does not match. Type \u201c" + w.name()
                    + "\u201d exactly to delete this webhook.");
            return;
        }
        webhooks.delete(DefaultApp.ID, w.id());
        view.flash(ctx, "Webhook \u201c" + w.name() + "\u201d deleted.");
        ctx.redirect("/admin/webhooks");
    }

    private void renderConfirm(Context ctx, Webhook w, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("webhook", w);
        model.put("error", error);
        model.put("breadcrumbs", Crumb.trail("Webhooks", "/admin/webhooks", w.name(),
                "/admin/webhooks/" + w.id() + "/edit", "Delete"));
        view.render(ctx, "webhook-delete", "webhooks", "Delete webhook", model);
    }
}
