package io.plugboard.host.internal.web.portal;

import io.javalin.http.Context;
import io.plugboard.host.internal.apps.Application;
import io.plugboard.host.internal.apps.Applications;
import io.plugboard.host.internal.common.ConstantTime;
import io.plugboard.host.internal.common.NotFoundException;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.portal.PortalSessions;
import io.plugboard.host.internal.web.http.AccessNames;
import io.plugboard.host.internal.web.http.AppScopes;
import java.util.Optional;

/**
 * The portal's guard, before every {@code /portal} path but the link's own ({@code /portal/enter/…}): a live
 * portal session (its own cookie; the admin's session opens nothing here) confines the request to its
 * application; a read-only session may only read and leave (403 for anything else); every other request must carry the
 * session's CSRF token. Also sets the portal's security headers ({@link PortalHeaders}), on refusals too.
 */
final class PortalAccess {

    private final PortalSessions sessions;
    private final Applications apps;
    private final PortalCookies cookies;
    private final PortalHeaders headers;
    private final PortalView view;
    private final String enterPrefix;
    private final String logoutPath;

    PortalAccess(PortalSessions sessions, Applications apps, PortalCookies cookies, PortalHeaders headers,
                 PortalView view, BasePath base) {
        this.sessions = sessions;
        this.apps = apps;
        this.cookies = cookies;
        this.headers = headers;
        this.view = view;
        this.enterPrefix = base.url("/portal/enter/");
        this.logoutPath = base.url("/portal/logout");
    }

    void check(Context ctx) {
        if (ctx.path().startsWith(enterPrefix)) {
            headers.set(ctx, null);
            return;
        }
        Optional<PortalSessions.Session> session = sessions.find(cookies.session(ctx));
        Application app = session.flatMap(s -> find(s.appId())).orElse(null);
        headers.set(ctx, app);
        if (app == null) {
            refuse(ctx, 401, "Your portal session has ended",
                    "This page needs a portal session. Open the portal again from the site that sent you here: "
                            + "its links work once and for a limited time.");
            return;
        }
        ctx.attribute(PortalCaller.ATTRIBUTE, new PortalCaller(session.get(), app));
        ctx.attribute(AppScopes.CONFINED_TO_ATTRIBUTE, app.id());
        String method = ctx.req().getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return;
        }
        if (session.get().readOnly() && !ctx.path().equals(logoutPath)) {
            refuse(ctx, 403, "Read-only access", "This portal session may look but not change anything. "
                    + "Ask the site that sent you here for a link that allows changes.");
            return;
        }
        String token = ctx.formParam(AccessNames.CSRF_FIELD);
        if (token == null || !ConstantTime.same(token, session.get().csrfToken())) {
            refuse(ctx, 403, "The form has expired", "The form was not sent from this portal session (its CSRF "
                    + "token is missing or wrong). Go back, reload the page and try again.");
        }
    }

    private Optional<Application> find(String appId) {
        try {
            return Optional.of(apps.get(appId));
        } catch (NotFoundException e) {
            return Optional.empty(); // the application was deleted: its sessions open nothing
        }
    }

    private void refuse(Context ctx, int status, String title, String message) {
        view.error(ctx, status, title, message);
        ctx.skipRemainingHandlers();
    }
}
