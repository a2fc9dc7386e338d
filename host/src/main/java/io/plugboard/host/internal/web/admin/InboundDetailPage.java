package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.plugboard.host.internal.common.ValidationException;
import io.plugboard.host.internal.inbound.InboundChanges;
import io.plugboard.host.internal.inbound.InboundRequestLog;
import io.plugboard.host.internal.inbound.InboundService;
import io.plugboard.host.internal.inbound.InboundWebhook;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /admin/inbound/{id}}: one inbound webhook: its URL (key hidden), state, receiver and version,
 * stats and recent errors; forms to rename, change the upgrade mode and change the settings. A form
 * with errors is shown again with 400 and nothing stored.
 */
final class InboundDetailPage {

    private final InboundService inbound;
    private final AdminView view;

    InboundDetailPage(InboundService inbound, AdminView view) {
        this.inbound = inbound;
        this.view = view;
    }

    void show(Context ctx) {
        render(ctx, inbound.get(ctx.pathParam("id")), null, Map.of(), Map.of());
    }

    /** Rename and upgrade mode. */
    void saveGeneral(Context ctx) {
        InboundWebhook w = inbound.get(ctx.pathParam("id"));
        String name = ctx.formParam("name");
        try {
            inbound.update(w.id(), new InboundChanges(name, null, ctx.formParam("upgrade_mode"), false));
            view.flash(ctx, "Saved.");
            ctx.redirect("/admin/inbound/" + w.id(), HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            ctx.status(400);
            render(ctx, w, name, Map.of(), e.fieldErrors());
        }
    }

    void saveSettings(Context ctx) {
        InboundWebhook w = inbound.get(ctx.pathParam("id"));
        Map<String, String> input = InboundSettingsForm.input(ctx);
        try {
            inbound.update(w.id(), new InboundChanges(null, input, null, true));
            view.flash(ctx, "Settings saved.");
            ctx.redirect("/admin/inbound/" + w.id(), HttpStatus.SEE_OTHER);
        } catch (ValidationException e) {
            ctx.status(400);
            render(ctx, w, null, input, e.fieldErrors());
        }
    }

    private void render(Context ctx, InboundWebhook w, String enteredName, Map<String, String> entered,
                        Map<String, String> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("webhook", w);
        model.put("name", enteredName == null ? w.name() : enteredName);
        model.put("manual", w.upgradeMode() == InboundWebhook.UpgradeMode.MANUAL);
        model.put("newerVersion", inbound.newerVersion(w));
        model.put("errors", InboundSettingsForm.otherErrors(errors));
        model.put("maskedKey", w.pathPrefix() + w.keyPrefix() + "…");
        inbound.receivers().find(w.receiverId()).ifPresentOrElse(r -> {
            model.put("receiver", r);
            model.put("settings", InboundSettingsForm.fields(r, w.settings(), entered, errors));
        }, () -> model.put("unavailable", true));
        model.put("recentErrors", inbound.errors(w.id(), InboundRequestLog.ERRORS_KEPT));
        model.put("modes", List.of("AUTO", "MANUAL"));
        model.put("breadcrumbs", Crumb.trail("Inbound webhooks", "/admin/inbound", w.name()));
        view.render(ctx, "inbound-detail", "inbound", w.name(), model);
    }
}
