package io.plugboard.host.internal.web.admin;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.apps.Applications;
import io.plugboard.host.internal.portal.PortalLinks;
import io.plugboard.host.internal.web.http.RouteGroup;

/**
 * {@code /admin/applications}: the applications (tenants) — list, add, edit, delete after typing the uid, and
 * <em>Open portal</em>, which signs the admin's browser in to one application's portal.
 */
public final class AdminApplicationRoutes implements RouteGroup {

    private final Applications apps;
    private final PortalLinks links;
    private final AdminView view;

    public AdminApplicationRoutes(Applications apps, PortalLinks links, AdminView view) {
        this.apps = apps;
        this.links = links;
        this.view = view;
    }

    @Override
    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/admin/applications", new ApplicationListPage(apps, view)::show);
        ApplicationFormPage form = new ApplicationFormPage(apps, view);
        // Before /admin/applications/{app}/…, which would take "new" for an application.
        routes.get("/admin/applications/new", form::blank);
        routes.post("/admin/applications", form::create);
        routes.get("/admin/applications/{app}/edit", form::edit);
        routes.post("/admin/applications/{app}", form::update);
        ApplicationActions actions = new ApplicationActions(apps, links, view);
        routes.get("/admin/applications/{app}/delete", actions::confirmDelete);
        routes.post("/admin/applications/{app}/delete", actions::delete);
        routes.post("/admin/applications/{app}/portal", actions::openPortal);
    }
}
