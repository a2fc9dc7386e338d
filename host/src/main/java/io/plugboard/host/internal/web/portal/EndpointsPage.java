package io.plugboard.host.internal.web.portal;

import io.javalin.http.Context;
import io.plugboard.host.internal.outbound.Webhook;
import io.plugboard.host.internal.outbound.WebhookQuery;
import io.plugboard.host.internal.outbound.WebhookService;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The endpoints list ({@code /portal}) and the actions on one endpoint that need no form of their own: On/Off,
 * rotating the secret, showing it, and deleting after the name is typed. Every endpoint is looked up in the
 * session's application, so another application's id is not found (404).
 */
final class EndpointsPage {

    private final WebhookService webhooks;
    private final Duration rotationOverlap;
    private final PortalView view;

    EndpointsPage(WebhookService webhooks, Duration rotationOverlap, PortalView view) {
        this.webhooks = webhooks;
        this.rotationOverlap = rotationOverlap;
        this.view = view;
    }

    void list(Context ctx) {
        String app = PortalCaller.of(ctx).appId();
        Map<String, Object> model = new HashMap<>();
        model.put("endpoints", webhooks.search(app, new WebhookQuery(null, null, null, WebhookQuery.MAX_LIMIT, 0)).data());
        view.render(ctx, "endpoints", "endpoints", "Endpoints", model);
    }

    void toggle(Context ctx) {
        Webhook w = owned(ctx);
        Webhook changed = webhooks.setEnabled(w.appId(), w.id(), !w.enabled());
        view.done(ctx, "Endpoint \u201c" + changed.name() + "\u201d turned " + (changed.enabled() ? "on." : "off."),
                "/portal");
    }

    void rotate(Context ctx) {
        Webhook w = owned(ctx);
        webhooks.rotateSecret(w.appId(), w.id(), rotationOverlap);
        view.done(ctx, "New signing secret for \u201c" + w.name() + "\u201d. The previous one keeps signing too for "
                + rotationOverlap.toHours() + " hours, so you can update your receiver in that time.",
                "/portal/endpoints/" + w.id());
    }

    void secret(Context ctx) {
        Webhook w = owned(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("endpoint", w);
        model.put("secret", w.secrets().current());
        model.put("previousUntil", w.secrets().previous() == null ? null : w.secrets().previousExpiresAt());
        view.render(ctx, "secret", "endpoints", "Signing secret", model);
    }

    void confirmDelete(Context ctx) {
        renderConfirm(ctx, owned(ctx), null);
    }

    void delete(Context ctx) {
        Webhook w = owned(ctx);
        String typed = ctx.formParam("confirm_name");
        if (typed == null || !typed.strip().equals(w.name())) {
            ctx.status(400);
            renderConfirm(ctx, w, "The name you typed does not match. Type \u201c" + w.name()
                    + "\u201d exactly to delete this endpoint.");
            return;
        }
        webhooks.delete(w.appId(), w.id());
        view.done(ctx, "Endpoint \u201c" + w.name() + "\u201d deleted.", "/portal");
    }

    private void renderConfirm(Context ctx, Webhook w, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("endpoint", w);
        model.put("error", error);
        view.render(ctx, "endpoint-delete", "endpoints", "Delete endpoint", model);
    }

    /** @throws io.plugboard.host.internal.common.NotFoundException for an id that is not the application's */
    private Webhook owned(Context ctx) {
        return webhooks.get(PortalCaller.of(ctx).appId(), ctx.pathParam("id"));
    }
}
