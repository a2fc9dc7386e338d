package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.delivery.TestResult;
import io.plugboard.host.internal.delivery.TestSender;
import io.plugboard.host.internal.webhooks.Webhook;
import io.plugboard.host.internal.webhooks.WebhookService;
import java.util.HashMap;
import java.util.Map;

/** The per-row actions of the webhooks table: On/Off, send a test event, delete (after typing the name). */
final class WebhookActions {

    private final WebhookService webhooks;
    private final TestSender testSender;
    private final AdminView view;

    WebhookActions(WebhookService webhooks, TestSender testSender, AdminView view) {
        this.webhooks = webhooks;
        this.testSender = testSender;
        this.view = view;
    }

    void toggle(Context ctx) {
        Webhook w = webhooks.get(ctx.pathParam("id"));
        Webhook changed = webhooks.setEnabled(w.id(), !w.enabled());
        Flash.set(ctx, "Webhook \u201c" + changed.name() + "\u201d turned " + (changed.enabled() ? "on." : "off."));
        ctx.redirect("/admin/webhooks");
    }

    void test(Context ctx) {
        Webhook w = webhooks.get(ctx.pathParam("id"));
        String event = ctx.formParam("event");
        TestResult result = testSender.send(w, event == null || event.isBlank() ? null : event, null);
        ctx.redirect("/admin/webhooks?tested=" + result.attemptId() + "#test-result");
    }

    void confirmDelete(Context ctx) {
        renderConfirm(ctx, webhooks.get(ctx.pathParam("id")), null);
    }

    void delete(Context ctx) {
        Webhook w = webhooks.get(ctx.pathParam("id"));
        String typed = ctx.formParam("confirm_name");
        if (typed == null || !typed.strip().equals(w.name())) {
            ctx.status(400);
            renderConfirm(ctx, w, "The name you typed does not match. Type \u201c" + w.name()
                    + "\u201d exactly to delete this webhook.");
            return;
        }
        webhooks.delete(w.id());
        Flash.set(ctx, "Webhook \u201c" + w.name() + "\u201d deleted.");
        ctx.redirect("/admin/webhooks");
    }

    private void renderConfirm(Context ctx, Webhook w, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("webhook", w);
        model.put("error", error);
        view.render(ctx, "webhook-delete", "webhooks", "Delete webhook", model);
    }
}
