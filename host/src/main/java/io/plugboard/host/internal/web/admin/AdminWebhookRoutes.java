package io.plugboard.host.internal.web.admin;

import io.plugboard.host.internal.common.DefaultApp;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.delivery.DeliveryStore;
import io.plugboard.host.internal.delivery.RateLimiter;
import io.plugboard.host.internal.delivery.RequestPreview;
import io.plugboard.host.internal.delivery.TestSender;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.outbound.WebhookService;
import io.plugboard.host.internal.payloads.OutboundCatalog;
import io.plugboard.host.internal.web.http.RouteGroup;
import java.time.Duration;

/**
 * {@code /admin/webhooks} (where a login lands): the list, the add and edit form with its
 * preview, On/Off, test sends, deleting and rotating the signing secret.
 */
public final class AdminWebhookRoutes implements RouteGroup {

    private final WebhookService webhooks;
    private final EventTypeRegistry eventTypes;
    private final DeliveryStore deliveries;
    private final TestSender testSender;
    private final RequestPreview preview;
    private final OutboundCatalog catalog;
    private final Duration rotationOverlap;
    private final AdminView view;
    private final RateLimiter limits;

    public AdminWebhookRoutes(WebhookService webhooks, EventTypeRegistry eventTypes, DeliveryStore deliveries,
                              TestSender testSender, RequestPreview preview, OutboundCatalog catalog,
                              Duration rotationOverlap, AdminView view, RateLimiter limits) {
        this.limits = limits;
        this.webhooks = webhooks;
        this.eventTypes = eventTypes;
        this.deliveries = deliveries;
        this.testSender = testSender;
        this.preview = preview;
        this.catalog = catalog;
        this.rotationOverlap = rotationOverlap;
        this.view = view;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/admin/webhooks", new WebhookListPage(webhooks, deliveries, view, eventTypes, catalog)::show);
        WebhookFormPage form = new WebhookFormPage(webhooks, eventTypes, catalog, view, preview,
                w -> RateLimitNote.of(w, limits, deliveries));
        routes.get("/admin/webhooks/new", form::showNew);
        routes.post("/admin/webhooks", form::create);
        routes.get("/admin/webhooks/{id}/edit", form::showEdit);
        routes.post("/admin/webhooks/{id}", form::update);
        WebhookActions actions = new WebhookActions(webhooks, testSender, deliveries, view);
        routes.post("/admin/webhooks/{id}/toggle", actions::toggle);
        routes.post("/admin/webhooks/{id}/test", actions::test);
        routes.get("/admin/webhooks/{id}/delete", actions::confirmDelete);
        routes.post("/admin/webhooks/{id}/delete", actions::delete);
        routes.post("/admin/webhooks/{id}/rotate-secret", ctx -> {
            var rotated = webhooks.rotateSecret(DefaultApp.ID, ctx.pathParam("id"), rotationOverlap);
            view.flash(ctx, "New signing secret created. The previous one keeps signing until "
                    + rotated.secrets().previousExpiresAt() + ".");
            ctx.redirect("/admin/webhooks/" + rotated.id() + "/edit");
        });
    }
}
