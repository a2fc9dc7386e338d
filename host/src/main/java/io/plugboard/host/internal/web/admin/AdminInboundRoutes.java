package io.plugboard.host.internal.web.admin;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.inbound.InboundService;
import io.plugboard.host.internal.inbound.ReceivedEvents;
import io.plugboard.host.internal.web.http.RouteGroup;

/**
 * {@code /admin/inbound} (the inbound webhooks: list, create, detail, actions, the receivers' guides) and
 * {@code /admin/received-events}.
 */
public final class AdminInboundRoutes implements RouteGroup {

    private final InboundService inbound;
    private final ReceivedEvents received;
    private final AdminView view;

    public AdminInboundRoutes(InboundService inbound, ReceivedEvents received, AdminView view) {
        this.inbound = inbound;
        this.received = received;
        this.view = view;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/admin/inbound", new InboundListPage(inbound, view)::show);
        // Before /admin/inbound/{id}, which would take "new" for an id.
        InboundCreatePage create = new InboundCreatePage(inbound, view);
        routes.get("/admin/inbound/new", create::show);
        routes.post("/admin/inbound", create::create);
        routes.get("/admin/inbound/receivers/{receiver}/guide", new ReceiverGuidePage(inbound, view)::show);
        InboundDetailPage detail = new InboundDetailPage(inbound, view);
        routes.get("/admin/inbound/{id}", detail::show);
        routes.post("/admin/inbound/{id}", detail::saveGeneral);
        routes.post("/admin/inbound/{id}/settings", detail::saveSettings);
        InboundActions actions = new InboundActions(inbound, view);
        routes.post("/admin/inbound/{id}/toggle", actions::toggle);
        routes.post("/admin/inbound/{id}/verify", actions::verify);
        routes.post("/admin/inbound/{id}/rotate-key", actions::rotateKey);
        routes.post("/admin/inbound/{id}/upgrade", actions::upgrade);
        routes.get("/admin/inbound/{id}/delete", actions::confirmDelete);
        routes.post("/admin/inbound/{id}/delete", actions::delete);
        routes.get("/admin/received-events", new ReceivedEventsPage(received, view)::show);
    }
}
