package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.inbound.InboundService;
import io.plugboard.host.internal.inbound.InboundWebhook;
import java.util.HashMap;
import java.util.Map;

/** The buttons of the inbound pages: enable/disable, verify, rotate the key, upgrade, delete (after typing the name). */
final class InboundActions {

    private final InboundService inbound;
    private final AdminView view;

    InboundActions(InboundService inbound, AdminView view) {
        this.inbound = inbound;
        this.view = view;
    }

    void toggle(Context ctx) {
        InboundWebhook w = inbound.get(ctx.pathParam("id"));
        InboundWebhook changed = inbound.setState(w.id(), w.enabled() ? InboundWebhook.State.DISABLED
                : InboundWebhook.State.ENABLED);
        view.flash(ctx, "Inbound webhook \u201c" + changed.name() + "\u201d " + (changed.enabled() ? "enabled." : "disabled."));
        ctx.redirect(back(ctx, w.id()), HttpStatus.SEE_OTHER);
    }

    void verify(Context ctx) {
        String id = ctx.pathParam("id");
        Map<String, String> problems = inbound.verify(id);
        view.flash(ctx, problems.isEmpty() ? "Verified: the receiver accepts these settings."
                : "The receiver does not accept these settings: " + String.join("; ",
                        problems.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
        ctx.redirect("/admin/inbound/" + id, HttpStatus.SEE_OTHER);
    }

    void rotateKey(Context ctx) {
        InboundCreatePage.showKey(ctx, view, inbound.rotateKey(ctx.pathParam("id")), "New access key");
    }

    void upgrade(Context ctx) {
        String id = ctx.pathParam("id");
        try {
            InboundWebhook w = inbound.upgrade(id);
            view.flash(ctx, "Now on receiver version " + w.pluginVersion() + ".");
        } catch (ValidationException e) {
            view.flash(ctx, "Not upgraded: " + e.getMessage());
        }
        ctx.redirect("/admin/inbound/" + id, HttpStatus.SEE_OTHER);
    }

    void confirmDelete(Context ctx) {
        renderConfirm(ctx, inbound.get(ctx.pathParam("id")), null);
    }

    void delete(Context ctx) {
        InboundWebhook w = inbound.get(ctx.pathParam("id"));
        String typed = ctx.formParam("confirm_name");
        if (typed == null || !typed.strip().equals(w.name())) {
            ctx.status(400);
            renderConfirm(ctx, w, "The name you typed does not match. Type \u201c" + w.name()
                    + "\u201d exactly to delete this inbound webhook.");
            return;
        }
        inbound.delete(w.id());
        view.flash(ctx, "Inbound webhook \u201c" + w.name() + "\u201d deleted.");
        ctx.redirect("/admin/inbound", HttpStatus.SEE_OTHER);
    }

    private void renderConfirm(Context ctx, InboundWebhook w, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("webhook", w);
        model.put("error", error);
        model.put("breadcrumbs", Crumb.trail("Inbound webhooks", "/admin/inbound", w.name(), "/admin/inbound/" + w.id(),
                "Delete"));
        view.render(ctx, "inbound-delete", "inbound", "Delete inbound webhook", model);
    }

    /** Back to the list when the form says so, else to the webhook's page. */
    private static String back(Context ctx, String id) {
        return "list".equals(ctx.formParam("from")) ? "/admin/inbound" : "/admin/inbound/" + id;
    }
}
