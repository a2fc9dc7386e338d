package io.plugboard.host.internal.web.admin;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.outbound.WebhookService;
import io.plugboard.host.internal.stats.ActivityStore;
import io.plugboard.host.internal.web.http.RouteGroup;
import java.time.Clock;

/** {@code /admin}, the dashboard, and each webhook's charts, {@code /admin/webhooks/{id}/activity}. */
public final class AdminDashboardRoutes implements RouteGroup {

    private final ActivityStore activity;
    private final WebhookService webhooks;
    private final Clock clock;
    private final AdminView view;

    public AdminDashboardRoutes(ActivityStore activity, WebhookService webhooks, Clock clock, AdminView view) {
        this.activity = activity;
        this.webhooks = webhooks;
        this.clock = clock;
        this.view = view;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        DashboardPage page = new DashboardPage(activity, webhooks, view, clock);
        routes.get("/admin", page::show);
        routes.get("/admin/webhooks/{id}/activity", page::showWebhook);
    }
}
