package io.plugboard.host.internal.web.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.apps.Applications;
import io.plugboard.host.internal.common.InputException;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.config.BrandingConfig;
import io.plugboard.host.internal.config.PortalConfig;
import io.plugboard.host.internal.delivery.DeliveryStore;
import io.plugboard.host.internal.delivery.TestConsole;
import io.plugboard.host.internal.delivery.TestSender;
import io.plugboard.host.internal.events.EventTypeRegistry;
import io.plugboard.host.internal.outbound.WebhookService;
import io.plugboard.host.internal.portal.PortalLinks;
import io.plugboard.host.internal.portal.PortalSessions;
import io.plugboard.host.internal.web.http.RouteGroup;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code /portal}: the customer portal, where one application's people manage its endpoints after opening a
 * portal link. Its own session, layout, templates and guard ({@link PortalAccess}); it uses nothing of the
 * admin's, and the admin's session opens none of it. Refusals ({@code InputException}s) are shown as portal
 * pages, never as the admin's error page.
 */
public final class PortalRoutes implements RouteGroup {

    /** What the portal's pages use; {@code consoleOn}: whether the test console is (its section is on). */
    public record Services(PortalLinks links, PortalSessions sessions, Applications apps, WebhookService webhooks,
                           EventTypeRegistry registry, DeliveryStore deliveries, TestSender testSender,
                           TestConsole console, boolean consoleOn, Runnable wakeDispatcher, Duration rotationOverlap,
                           ObjectMapper mapper, Clock clock) {}

    private final Services s;
    private final BasePath base;
    private final PortalView view;
    private final PortalCookies cookies;
    private final PortalHeaders headers;

    public PortalRoutes(Services services, BasePath base, String siteName, BrandingConfig branding, PortalConfig config) {
        this.s = services;
        this.base = base;
        this.cookies = new PortalCookies(base);
        this.view = new PortalView(base, cookies, siteName, branding);
        this.headers = new PortalHeaders(config.frameAncestors(), view);
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        PortalAccess access = new PortalAccess(s.sessions(), s.apps(), cookies, headers, view, base);
        routes.before("/portal", access::check);
        routes.before("/portal/*", access::check);
        EnterPage enter = new EnterPage(s.links(), s.sessions(), cookies, view);
        routes.get("/portal/enter/{token}", shown(enter::enter));
        routes.post("/portal/logout", shown(enter::leave));
        EndpointsPage endpoints = new EndpointsPage(s.webhooks(), s.rotationOverlap(), view);
        EndpointForm form = new EndpointForm(s.webhooks(), s.registry(), s.testSender(), view, s.consoleOn());
        routes.get("/portal", shown(endpoints::list));
        routes.get("/portal/endpoints/new", shown(form::blank));
        routes.post("/portal/endpoints", shown(form::create));
        routes.get("/portal/endpoints/{id}", shown(form::show));
        routes.post("/portal/endpoints/{id}", shown(form::update));
        routes.post("/portal/endpoints/{id}/test", shown(form::test));
        if (s.consoleOn()) {
            TestConsolePage console = new TestConsolePage(s.webhooks(), s.registry(), s.console(), s.mapper(), view);
            routes.get("/portal/endpoints/{id}/console", shown(console::show));
            routes.post("/portal/endpoints/{id}/console", shown(console::send));
        }
        routes.post("/portal/endpoints/{id}/toggle", shown(endpoints::toggle));
        routes.post("/portal/endpoints/{id}/rotate", shown(endpoints::rotate));
        routes.get("/portal/endpoints/{id}/secret", shown(endpoints::secret));
        routes.get("/portal/endpoints/{id}/delete", shown(endpoints::confirmDelete));
        routes.post("/portal/endpoints/{id}/delete", shown(endpoints::delete));
        DeliveryPages log = new DeliveryPages(s.deliveries(), s.webhooks(), s.wakeDispatcher(), s.clock(), view);
        routes.get("/portal/endpoints/{id}/deliveries", shown(log::list));
        routes.get("/portal/deliveries/{id}", shown(log::show));
        routes.post("/portal/deliveries/{id}/redeliver", shown(log::redeliver));
        InfoPages info = new InfoPages(s.registry(), s.mapper(), view);
        routes.get("/portal/event-types", shown(info::eventTypes));
        routes.get("/portal/verify", shown(info::verify));
        routes.get("/portal/theme.css", info::themeCss);
    }

    /** The handler, with its refusals shown as a portal page with their status and message. */
    private Handler shown(Handler handler) {
        return ctx -> {
            try {
                handler.handle(ctx);
            } catch (InputException e) {
                view.error(ctx, e.status(), e.status() == 404 ? "Not found" : "Something is not right", e.getMessage());
            }
        };
    }
}
