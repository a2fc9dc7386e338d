package io.plugboard.host.internal.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Headers on every response of the host's server: a Content-Security-Policy that allows scripts,
 * styles and images from the site itself only (no inline script), no content sniffing, no framing,
 * and referrers only within the site. The host's own paths always get them; the embedding
 * application's pages get them too unless it opts out, with its own policy if it gives one. A route
 * may still set its own header, which replaces the default (these are set before routes run).
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final String[] HOST_PATHS = {"/admin", "/api/", "/metrics", "/health", "/plugboard/static/"};

    private final boolean onAppPages;
    private final String appPolicy;

    /**
     * @param onAppPages whether the embedding application's own pages get the headers
     * @param appPolicy the Content-Security-Policy for those pages, or null for the host's own
     */
    SecurityHeaders(boolean onAppPages, String appPolicy) {
        this.onAppPages = onAppPages;
        this.appPolicy = appPolicy == null ? CONTENT_SECURITY_POLICY : appPolicy;
    }

    void register(RoutesConfig routes) {
        routes.before(this::apply);
    }

    private void apply(Context ctx) {
        if (isHostPath(ctx.path())) {
            set(ctx, CONTENT_SECURITY_POLICY);
        } else if (onAppPages) {
            set(ctx, appPolicy);
        }
    }

    private static boolean isHostPath(String path) {
        for (String prefix : HOST_PATHS) {
            if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    private static void set(Context ctx, String policy) {
        ctx.header("Content-Security-Policy", policy);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
    }
}
