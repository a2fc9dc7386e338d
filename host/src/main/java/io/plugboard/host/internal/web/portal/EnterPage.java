package io.plugboard.host.internal.web.portal;

import io.javalin.http.Context;
import io.plugboard.host.internal.portal.PortalLinks;
import io.plugboard.host.internal.portal.PortalSessions;
import java.util.Optional;

/**
 * {@code GET /portal/enter/{token}}: opens a portal link. The link is used up by the same statement that
 * checks it, so it opens one session once; the session's cookie is set and the browser is sent to
 * {@code /portal}, whose address then carries no token (so it is neither in the history nor a referrer).
 * An unknown, used or expired link gets a page saying so, and no session.
 */
final class EnterPage {

    private final PortalLinks links;
    private final PortalSessions sessions;
    private final PortalCookies cookies;
    private final PortalView view;

    EnterPage(PortalLinks links, PortalSessions sessions, PortalCookies cookies, PortalView view) {
        this.links = links;
        this.sessions = sessions;
        this.cookies = cookies;
        this.view = view;
    }

    void enter(Context ctx) {
        ctx.header("Referrer-Policy", "no-referrer");
        Optional<PortalLinks.Grant> grant = links.consume(ctx.pathParam("token"));
        if (grant.isEmpty()) {
            view.error(ctx, 410, "This link does not work any more",
                    "Portal links work once and for a limited time: this one was used already, has expired, or "
                            + "is not a portal link. Open the portal again from the site that sent you here.");
            return;
        }
        // A session this browser had before (perhaps of another application) ends with the new one.
        sessions.end(cookies.session(ctx));
        PortalSessions.Started started = sessions.start(grant.get());
        cookies.setSession(ctx, started.cookieValue());
        ctx.header("Cache-Control", "no-store");
        ctx.redirect("/portal");
    }

    /** {@code POST /portal/logout}: ends the session. */
    void leave(Context ctx) {
        sessions.end(cookies.session(ctx));
        cookies.clearSession(ctx);
        ctx.attribute(PortalCaller.ATTRIBUTE, null);
        view.error(ctx, 200, "Signed out", "You left the portal. Open it again from the site that sent you here.");
    }
}
