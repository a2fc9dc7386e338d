package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.plugboard.host.internal.apps.Application;
import io.plugboard.host.internal.apps.Applications;
import io.plugboard.host.internal.common.ConflictException;
import io.plugboard.host.internal.portal.PortalLinks;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The buttons of the applications' pages: delete (after typing the uid) and <em>Open portal</em>. */
final class ApplicationActions {

    /** Long enough for the redirect that follows; the link is used up by it. */
    static final Duration PORTAL_LINK_LIFETIME = Duration.ofMinutes(2);

    private final Applications apps;
    private final PortalLinks links;
    private final AdminView view;

    ApplicationActions(Applications apps, PortalLinks links, AdminView view) {
        this.apps = apps;
        this.links = links;
        this.view = view;
    }

    void confirmDelete(Context ctx) {
        renderConfirm(ctx, apps.get(ctx.pathParam("app")), null);
    }

    void delete(Context ctx) {
        Application a = apps.get(ctx.pathParam("app"));
        if (a.isDefault()) {
            throw new ConflictException("the default application holds what was made without naming one and cannot "
                    + "be deleted");
        }
        String typed = ctx.formParam("confirm_uid");
        if (typed == null || !typed.strip().equals(a.uid())) {
            ctx.status(400);
            renderConfirm(ctx, a, "The uid you typed does not match. Type \u201c" + a.uid()
                    + "\u201d exactly to delete this application.");
            return;
        }
        apps.delete(a.id(), a.uid());
        view.flash(ctx, "Application \u201c" + a.name() + "\u201d deleted with everything it held.");
        ctx.redirect("/admin/applications", HttpStatus.SEE_OTHER);
    }

    /**
     * A short-lived, single-use link into the application's portal, followed at once: the admin's browser gets
     * a portal session for it, as the customer would.
     */
    void openPortal(Context ctx) {
        Application a = apps.get(ctx.pathParam("app"));
        PortalLinks.Created link = links.create(a.id(), PORTAL_LINK_LIFETIME.toSeconds(), false);
        ctx.redirect("/portal/enter/" + link.token(), HttpStatus.SEE_OTHER);
    }

    private void renderConfirm(Context ctx, Application a, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("app", a);
        model.put("holdings", a.isDefault() ? null : apps.holdings(a.id()));
        model.put("error", error);
        model.put("breadcrumbs", Crumb.trail("Applications", "/admin/applications", a.name(),
                "/admin/applications/" + a.id() + "/edit", "Delete"));
        view.render(ctx, "application-delete", "applications", "Delete application", model);
    }
}
