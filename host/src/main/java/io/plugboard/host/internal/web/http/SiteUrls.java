package io.plugboard.host.internal.web.http;

import io.javalin.http.Context;
import io.plugboard.host.internal.config.BasePath;

/** The absolute URLs the admin and the API show (an inbound webhook's, an inbox's), as the request addressed the host. */
public final class SiteUrls {

    private SiteUrls() {}

    /** @return the scheme and host of this request, the base path and the Plugboard-relative path */
    public static String absolute(Context ctx, BasePath base, String plugboardPath) {
        return ctx.scheme() + "://" + ctx.host() + base.url(plugboardPath);
    }
}
