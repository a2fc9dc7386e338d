package io.plugboard.host.internal.web.portal;

import io.javalin.http.Context;
import io.plugboard.host.internal.apps.Application;
import io.plugboard.host.internal.portal.PortalSessions;

/**
 * Who is using the portal: a session confined to one application. Set by {@link PortalAccess} before every
 * portal page; pages read the application's id from here and from nowhere else.
 */
record PortalCaller(PortalSessions.Session session, Application app) {

    static final String ATTRIBUTE = "plugboard.portalCaller";

    static PortalCaller of(Context ctx) {
        PortalCaller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("a portal page ran without PortalAccess");
        }
        return caller;
    }

    String appId() {
        return app.id();
    }

    boolean readOnly() {
        return session.readOnly();
    }
}
