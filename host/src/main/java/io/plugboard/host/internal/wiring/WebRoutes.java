package io.plugboard.host.internal.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plugboard.host.internal.auth.AuthServices;
import io.plugboard.host.internal.auth.PrincipalCsrf;
import io.plugboard.host.internal.config.HostConfig;
import io.plugboard.host.internal.config.SectionsConfig;
import io.plugboard.host.internal.delivery.DeliveryEngine;
import io.plugboard.host.internal.delivery.RequestPreview;
import io.plugboard.host.internal.delivery.TestConsole;
import io.plugboard.host.internal.delivery.TestSender;
import io.plugboard.host.internal.portal.PortalSessions;
import io.plugboard.host.internal.stats.ActivityStore;
import io.plugboard.host.internal.web.Callers;
import io.plugboard.host.internal.web.InboundEndpoint;
import io.plugboard.host.internal.web.InspectEndpoint;
import io.plugboard.host.internal.web.PlugboardRoutes;
import io.plugboard.host.internal.web.admin.AdminAccountRoutes;
import io.plugboard.host.internal.web.admin.AdminApplicationRoutes;
import io.plugboard.host.internal.web.admin.AdminDashboardRoutes;
import io.plugboard.host.internal.web.admin.AdminDeliveryRoutes;
import io.plugboard.host.internal.web.admin.AdminEventRoutes;
import io.plugboard.host.internal.web.admin.AdminInboundRoutes;
import io.plugboard.host.internal.web.admin.AdminPayloadRoutes;
import io.plugboard.host.internal.web.admin.AdminPluginRoutes;
import io.plugboard.host.internal.web.admin.AdminView;
import io.plugboard.host.internal.web.admin.AdminWebhookRoutes;
import io.plugboard.host.internal.web.admin.BrandStylesheet;
import io.plugboard.host.internal.web.admin.ErrorPage;
import io.plugboard.host.internal.web.admin.Templates;
import io.plugboard.host.internal.web.api.ApiAccountRoutes;
import io.plugboard.host.internal.web.api.ApiAppRoutes;
import io.plugboard.host.internal.web.api.ApiDeliveryRoutes;
import io.plugboard.host.internal.web.api.ApiEventRoutes;
import io.plugboard.host.internal.web.api.ApiInboundRoutes;
import io.plugboard.host.internal.web.api.ApiInstanceRoutes;
import io.plugboard.host.internal.web.api.ApiPayloadRoutes;
import io.plugboard.host.internal.web.api.ApiPluginRoutes;
import io.plugboard.host.internal.web.api.ApiWebhookRoutes;
import io.plugboard.host.internal.web.api.PortalLinksApi;
import io.plugboard.host.internal.web.http.AppScopes;
import io.plugboard.host.internal.web.http.RouteGroup;
import io.plugboard.host.internal.web.portal.PortalRoutes;
import java.time.Duration;
import java.util.List;

/**
 * What Plugboard serves over HTTP: one route group per area, each given exactly the services it uses (the web
 * layer gets no bundle of services), in one {@link PlugboardRoutes} for the host's own server or the
 * application's Javalin.
 */
final class WebRoutes {

    private WebRoutes() {}

    /** @return every route of the host, with the admin's error page and the access checks in front */
    static PlugboardRoutes served(HostConfig config, Foundation base, EngineParts engine, AuthServices auth) {
        AdminView view = new AdminView(new Templates(base.apiMapper), config.site().name(), config.site().hostVersion(),
                engine.guard.relaxedNotice().orElse(null), engine.contributions.hooks(), config.web().basePath(),
                config.sections(), config.branding(), () -> !engine.receivers.all().isEmpty());
        List<RouteGroup> groups = groups(config, base, engine, auth, view);
        Callers callers = new Callers(auth.sessions(), config.admin().login(), new PrincipalCsrf(base.secretsKey.getEncoded()));
        return new PlugboardRoutes(config.web(), base.apiMapper, auth, callers, engine.plugins.maxUploadBytes(),
                new ErrorPage(view), groups, config.branding(), base.hooks);
    }

    /**
     * @return the route groups in the order they register: the API first, then the public endpoints, then the
     *     portal and the admin's pages; an off section's groups register nothing
     */
    private static List<RouteGroup> groups(HostConfig config, Foundation base, EngineParts engine, AuthServices auth,
                                           AdminView view) {
        ObjectMapper apiMapper = base.apiMapper;
        DeliveryEngine delivery = engine.delivery;
        TestSender testSender = delivery.testSender(engine.events);
        RequestPreview preview = delivery.preview(engine.events, engine.payloadCheck, engine.secrets::names, apiMapper);
        TestConsole console = delivery.testConsole(engine.events);
        Duration rotationOverlap = config.delivery().secretRotationOverlap();
        SectionsConfig sections = config.sections();
        AppScopes scopes = new AppScopes(engine.apps);
        PortalRoutes portal = new PortalRoutes(new PortalRoutes.Services(engine.portalLinks,
                new PortalSessions(base.db.jdbi(), base.clock), engine.apps, engine.webhooks, base.registry,
                delivery.store(), testSender, console, sections.testConsole(), delivery::wake, rotationOverlap,
                apiMapper, base.clock),
                config.web().basePath(), config.site().name(), config.branding(), config.portal());
        return List.of(
                new ApiInstanceRoutes(base.instances, base.health, apiMapper, config.web().basePath(), sections),
                new ApiEventRoutes(base.registry, engine.events, apiMapper, config.web().maxRequestBytes(), base.tracing,
                        scopes),
                new ApiAppRoutes(scopes, apiMapper),
                new PortalLinksApi(engine.portalLinks, scopes, apiMapper, config.web().basePath()),
                new ApiWebhookRoutes(engine.webhooks, testSender, apiMapper, rotationOverlap, base.registry,
                        engine.catalog, scopes),
                new ApiPayloadRoutes(preview, console, engine.secrets, engine.inspector, engine.webhooks, apiMapper,
                        sections, scopes),
                new ApiPluginRoutes(engine.plugins, engine.repository, engine.contributions.settings(),
                        engine.contributions.routes(), apiMapper, sections.upload()),
                RouteGroup.onlyIf(sections.inbound(), new ApiInboundRoutes(engine.inbound.webhooks(),
                        engine.inbound.received(), apiMapper, config.web().basePath(), scopes)),
                new ApiAccountRoutes(auth.tokens(), auth.users(), auth.accounts(), apiMapper, engine.apps),
                new ApiDeliveryRoutes(delivery.store(), delivery.replays(), engine.webhooks, delivery::wake,
                        engine.metrics, apiMapper, base.clock, scopes),
                RouteGroup.onlyIf(sections.inbound(), new InboundEndpoint(engine.inbound.receiving(), base.tracing)),
                RouteGroup.onlyIf(sections.inspector(), new InspectEndpoint(engine.inspector, apiMapper)),
                new BrandStylesheet(config.branding()),
                portal,
                new AdminAccountRoutes(auth, config, engine.guard, apiMapper, view),
                new AdminDashboardRoutes(new ActivityStore(base.db.jdbi()), engine.webhooks, base.clock, view),
                new AdminWebhookRoutes(engine.webhooks, base.registry, delivery.store(), testSender, preview,
                        engine.catalog, rotationOverlap, view, delivery.rateLimits()),
                new AdminApplicationRoutes(engine.apps, engine.portalLinks, view),
                new AdminEventRoutes(base.registry, engine.webhooks, testSender, delivery.store(), view),
                new AdminDeliveryRoutes(delivery.store(), delivery.replays(), engine.webhooks, delivery::wake,
                        base.clock, view),
                RouteGroup.onlyIf(sections.inbound(), new AdminInboundRoutes(engine.inbound.webhooks(),
                        engine.inbound.received(), view)),
                new AdminPayloadRoutes(engine.webhooks, base.registry, console, engine.secrets, engine.inspector,
                        apiMapper, view, sections),
                new AdminPluginRoutes(engine.plugins, engine.repository, config.plugins().dir(),
                        engine.contributions.settings(), base.instances, engine.contributions.pages(),
                        engine.contributions.templates(), view, sections.upload()));
    }
}
