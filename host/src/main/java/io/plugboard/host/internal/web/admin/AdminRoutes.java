package io.plugboard.host.internal.web.admin;

import io.javalin.config.RoutesConfig;
import io.plugboard.host.internal.web.http.HostServices;

/**
 * The admin pages. Plain forms and redirects, so everything works without JavaScript; htmx requests
 * get fragments instead of redirects where that spares a reload. Every page is rendered inside one
 * layout by {@link AdminView}.
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
        LoginPages login = new LoginPages(services.auth(), view, services.config().admin().sessionIdleTimeout());
        routes.get("/admin/login", login::showLogin);
        routes.post("/admin/login", login::login);
        routes.post("/admin/logout", login::logout);
        routes.get("/admin/setup", login::showSetup);
        routes.post("/admin/setup", login::setup);
        TokensPage tokens = new TokensPage(services.auth().tokens(), view, services.apiMapper());
        routes.get("/admin/tokens", tokens::show);
        routes.post("/admin/tokens", tokens::create);
        routes.post("/admin/tokens/{id}/revoke", tokens::revoke);
        AccountPages accounts = new AccountPages(services.auth().users(), services.auth().accounts(), view);
        routes.get("/admin/account", accounts::showAccount);
        routes.post("/admin/account/password", accounts::changePassword);
        routes.get("/admin/admins", accounts::showAdmins);
        routes.post("/admin/admins", accounts::add);
        routes.post("/admin/admins/{username}/delete", accounts::delete);
        WebhookListPage list = new WebhookListPage(services.webhooks(), services.deliveries(), view, services.eventTypes());
        routes.get("/admin/webhooks", list::show);

        WebhookFormPage form = new WebhookFormPage(services.webhooks(), services.eventTypes(), view,
                services.payloads().preview());
        routes.get("/admin/webhooks/new", form::showNew);
        routes.post("/admin/webhooks", form::create);
        routes.get("/admin/webhooks/{id}/edit", form::showEdit);
        routes.post("/admin/webhooks/{id}", form::update);

        WebhookActions actions = new WebhookActions(services.webhooks(), services.testSender(), services.deliveries(),
                view);
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
        routes.get("/admin/deliveries", deliveries::listAll);
        routes.get("/admin/webhooks/{id}/deliveries", deliveries::list);
        routes.post("/admin/webhooks/{id}/recover", deliveries::recover);
        DeliveryPage delivery = new DeliveryPage(services.deliveries(), services.webhooks(),
                services.wakeDispatcher(), view, services.clock());
        routes.get("/admin/deliveries/{id}", delivery::show);
        routes.post("/admin/deliveries/{id}/redeliver", delivery::redeliver);
        routes.post("/admin/webhooks/{id}/rotate-secret", ctx -> {
            var rotated = services.webhooks().rotateSecret(ctx.pathParam("id"),
                    services.config().delivery().secretRotationOverlap());
            Flash.set(ctx, "New signing secret created. The previous one keeps signing until "
                    + rotated.secrets().previousExpiresAt() + ".");
            ctx.redirect("/admin/webhooks/" + rotated.id() + "/edit");
        });

        var inbound = services.inbound().webhooks();
        InboundListPage inboundList = new InboundListPage(inbound, view);
        routes.get("/admin/inbound", inboundList::show);
        InboundCreatePage inboundCreate = new InboundCreatePage(inbound, view);
        routes.get("/admin/inbound/new", inboundCreate::show);
        routes.post("/admin/inbound", inboundCreate::create);
        InboundDetailPage inboundDetail = new InboundDetailPage(inbound, view);
        routes.get("/admin/inbound/{id}", inboundDetail::show);
        routes.post("/admin/inbound/{id}", inboundDetail::saveGeneral);
        routes.post("/admin/inbound/{id}/settings", inboundDetail::saveSettings);
        InboundActions inboundActions = new InboundActions(inbound, view);
        routes.post("/admin/inbound/{id}/toggle", inboundActions::toggle);
        routes.post("/admin/inbound/{id}/verify", inboundActions::verify);
        routes.post("/admin/inbound/{id}/rotate-key", inboundActions::rotateKey);
        routes.post("/admin/inbound/{id}/upgrade", inboundActions::upgrade);
        routes.get("/admin/inbound/{id}/delete", inboundActions::confirmDelete);
        routes.post("/admin/inbound/{id}/delete", inboundActions::delete);
        routes.get("/admin/received-events", new ReceivedEventsPage(services.inbound().received(), view)::show);
        ConsolePage console = new ConsolePage(services.webhooks(), services.eventTypes(), services.payloads().console(),
                services.apiMapper(), view);
        routes.get("/admin/webhooks/{id}/console", console::show);
        routes.post("/admin/webhooks/{id}/console", console::send);
        SecretsPage secrets = new SecretsPage(services.payloads().secrets(), view);
        routes.get("/admin/secrets", secrets::show);
        routes.post("/admin/secrets", secrets::add);
        routes.post("/admin/secrets/{name}/delete", secrets::delete);
        InspectorPage inspector = new InspectorPage(services.payloads().inspector(), services.webhooks(), view);
        routes.get("/admin/inspector", inspector::list);
        routes.post("/admin/inspector", inspector::create);
        routes.get("/admin/inspector/{id}", inspector::show);
        routes.post("/admin/inspector/{id}/clear", inspector::clear);
        routes.post("/admin/inspector/{id}/delete", inspector::delete);

        PluginsPage plugins = new PluginsPage(services.plugins(), services.config().plugins().dir(), view,
                services.contributions().settings(), new InstancesSection(services.instances()));
        routes.get("/admin/plugins", plugins::show);
        routes.post("/admin/plugins/upload", plugins::upload);
        routes.post("/admin/plugins/{id}/activate", plugins::activate);
        routes.post("/admin/plugins/{id}/deactivate", plugins::deactivate);
        routes.get("/admin/plugins/{id}/uninstall", plugins::confirmUninstall);
        routes.post("/admin/plugins/{id}/uninstall", plugins::uninstall);

        SettingsPage hostSettings = new SettingsPage(services.config(), services.guard(), view);
        routes.get("/admin/settings", hostSettings::show);

        // After the host's own /admin/plugins/{id}/… routes: the names they use are reserved (PluginPages.RESERVED).
        PluginSettingsPage settings = new PluginSettingsPage(services.contributions().settings(), view);
        routes.get("/admin/plugins/{plugin_id}/settings", settings::show);
        routes.post("/admin/plugins/{plugin_id}/settings", settings::save);
        PluginPagesHandler pluginPages = new PluginPagesHandler(services.contributions().pages(),
                services.contributions().templates(), view);
        routes.get("/admin/plugins/{plugin_id}/{page}", pluginPages::show);
        routes.post("/admin/plugins/{plugin_id}/{page}", pluginPages::submit);
    }
}
