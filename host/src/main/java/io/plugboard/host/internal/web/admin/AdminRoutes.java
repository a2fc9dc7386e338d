package io.plugboard.host.internal.web.admin;

import io.javalin.config.RoutesConfig;
import io.plugboard.host.internal.HostServices;

/**
 * The admin pages. Plain forms and redirects, so everything works without JavaScript; every page is
 * rendered inside one layout by {@link AdminView}.
 */
public final class AdminRoutes {

    private final HostServices services;
    private final AdminView view;

    public AdminRoutes(HostServices services, AdminView view) {
        this.services = services;
        this.view = view;
    }

    public void register(RoutesConfig routes) {
        routes.get("/admin", ctx -> ctx.redirect("/admin/webhooks"));
        LoginPages login = new LoginPages(services.auth(), view, services.config().sessionIdleTimeout());
        routes.get("/admin/login", login::showLogin);
        routes.post("/admin/login", login::login);
        routes.post("/admin/logout", login::logout);
        routes.get("/admin/setup", login::showSetup);
        routes.post("/admin/setup", login::setup);
        TokensPage tokens = new TokensPage(services.auth().tokens(), view, services.apiMapper());
        routes.get("/admin/tokens", tokens::show);
        routes.post("/admin/tokens", tokens::create);
        routes.post("/admin/tokens/{id}/revoke", tokens::revoke);
        WebhookListPage list = new WebhookListPage(services.webhooks(), services.deliveries(), view);
        routes.get("/admin/webhooks", list::show);

        WebhookFormPage form = new WebhookFormPage(services.webhooks(), services.eventTypes(), view);
        routes.get("/admin/webhooks/new", form::showNew);
        routes.post("/admin/webhooks", form::create);
        routes.get("/admin/webhooks/{id}/edit", form::showEdit);
        routes.post("/admin/webhooks/{id}", form::update);

        WebhookActions actions = new WebhookActions(services.webhooks(), services.testSender(), view);
        routes.post("/admin/webhooks/{id}/toggle", actions::toggle);
        routes.post("/admin/webhooks/{id}/test", actions::test);
        routes.get("/admin/webhooks/{id}/delete", actions::confirmDelete);
        routes.post("/admin/webhooks/{id}/delete", actions::delete);

        EventsPage events = new EventsPage(services.eventTypes(), services.webhooks(), services.testSender(),
                services.deliveries(), view);
        routes.get("/admin/events", events::show);
        routes.post("/admin/events/{key}/test", events::test);

        DeliveriesPage deliveries = new DeliveriesPage(services.deliveries(), services.webhooks(),
                services.wakeDispatcher(), view, services.clock());
        routes.get("/admin/webhooks/{id}/deliveries", deliveries::list);
        routes.post("/admin/webhooks/{id}/recover", deliveries::recover);
        routes.get("/admin/deliveries/{id}", deliveries::show);
        routes.post("/admin/deliveries/{id}/redeliver", deliveries::redeliver);
        routes.post("/admin/webhooks/{id}/rotate-secret", ctx -> {
            var rotated = services.webhooks().rotateSecret(ctx.pathParam("id"),
                    services.config().delivery().secretRotationOverlap());
            Flash.set(ctx, "New signing secret created. The previous one keeps signing until "
                    + rotated.previousSecretExpiresAt() + ".");
            ctx.redirect("/admin/webhooks/" + rotated.id() + "/edit");
        });

        PluginsPage plugins = new PluginsPage(services.plugins(), services.config().pluginsDir(), view);
        routes.get("/admin/plugins", plugins::show);
    }
}
