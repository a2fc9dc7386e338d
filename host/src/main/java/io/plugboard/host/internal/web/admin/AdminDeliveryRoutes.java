package io.plugboard.host.internal.web.admin;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.delivery.DeliveryReplays;
import io.plugboard.host.internal.delivery.DeliveryStore;
import io.plugboard.host.internal.outbound.WebhookService;
import io.plugboard.host.internal.web.http.RouteGroup;
import java.time.Clock;

/**
 * The delivery logs (all, and per webhook), one delivery with Redeliver, recovering a webhook's failures,
 * and bulk replay ("Replay these…").
 */
public final class AdminDeliveryRoutes implements RouteGroup {

    private final DeliveryStore deliveries;
    private final DeliveryReplays replays;
    private final WebhookService webhooks;
    private final Runnable wakeDispatcher;
    private final Clock clock;
    private final AdminView view;

    public AdminDeliveryRoutes(DeliveryStore deliveries, DeliveryReplays replays, WebhookService webhooks,
                               Runnable wakeDispatcher, Clock clock, AdminView view) {
        this.deliveries = deliveries;
        this.replays = replays;
        this.webhooks = webhooks;
        this.wakeDispatcher = wakeDispatcher;
        this.clock = clock;
        this.view = view;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        DeliveriesPage list = new DeliveriesPage(deliveries, webhooks, wakeDispatcher, view, clock);
        routes.get("/admin/deliveries", list::listAll);
        routes.get("/admin/webhooks/{id}/deliveries", list::list);
        routes.post("/admin/webhooks/{id}/recover", list::recover);
        // Before /admin/deliveries/{id}: "replay" is no delivery's id.
        ReplayPages replay = new ReplayPages(replays, webhooks, view);
        routes.get("/admin/deliveries/replay", replay::preview);
        routes.post("/admin/deliveries/replay", replay::start);
        routes.get("/admin/deliveries/replay/{id}", replay::progress);
        DeliveryPage one = new DeliveryPage(deliveries, webhooks, wakeDispatcher, view, clock);
        routes.get("/admin/deliveries/{id}", one::show);
        routes.post("/admin/deliveries/{id}/redeliver", one::redeliver);
    }
}
