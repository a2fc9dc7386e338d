package io.plugboard.host.internal.web.admin;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.delivery.DeliveryStore;
import io.plugboard.host.internal.delivery.TestSender;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.outbound.WebhookService;
import io.plugboard.host.internal.web.http.RouteGroup;

/** {@code /admin/events}: the event catalog, with a test send of each type's sample. */
public final class AdminEventRoutes implements RouteGroup {

    private final EventTypeRegistry eventTypes;
    private final WebhookService webhooks;
    private final TestSender testSender;
    private final DeliveryStore deliveries;
    private final AdminView view;

    public AdminEventRoutes(EventTypeRegistry eventTypes, WebhookService webhooks, TestSender testSender,
                            DeliveryStore deliveries, AdminView view) {
        this.eventTypes = eventTypes;
        this.webhooks = webhooks;
        this.testSender = testSender;
        this.deliveries = deliveries;
        this.view = view;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        EventsPage events = new EventsPage(eventTypes, webhooks, testSender, deliveries, view);
        routes.get("/admin/events", events::show);
        routes.post("/admin/events/{key}/test", events::test);
    }
}
