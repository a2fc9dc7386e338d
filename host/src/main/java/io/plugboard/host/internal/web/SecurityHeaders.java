package io.plugboard.host.internal.web;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.config.BrandingConfig;
import java.util.function.BiConsumer;

/**
 * Headers on every response of the host's server (mounted in an application's Javalin: on every response
 * under the base path): a Content-Security-Policy that allows scripts,
 * styles and images from the site itself only (no inline script), no content sniffing, no framing,
 * and referrers only within the site. The host's own paths always get them; the embedding
 * application's pages get them too unless it opts out, with its own policy if it gives one. A route
 * may still set its own header, which replaces the default (these are set before routes run).
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final String[] PLUGBOARD_PATHS = {"/admin", "/api", "/metrics", "/health", "/plugboard/static",
        "/plugboard/brand.css", "/portal"};

    private final BasePath base;
    private final boolean onAppPages;
    private final String appPolicy;
    private final String hostPolicy;

    /**
     * @param base where the host's own paths are
     * @param onAppPages whether the embedding application's own pages get the headers
     * @param appPolicy the Content-Security-Policy for those pages, or null for the host's own
     * @param branding the admin's logo and stylesheet: when they are on another site, its origin is
     *     allowed for images or styles on the host's pages (nothing else is)
     */
    SecurityHeaders(BasePath base, boolean onAppPages, String appPolicy, BrandingConfig branding) {
        this.base = base;
        this.onAppPages = onAppPages;
        this.hostPolicy = withBranding(branding);
        this.appPolicy = appPolicy == null ? CONTENT_SECURITY_POLICY : appPolicy;
    }

    private static String withBranding(BrandingConfig branding) {
        String policy = CONTENT_SECURITY_POLICY;
        for (String origin : branding.imageOrigins()) {
            policy = policy.replace("img-src 'self' data:", "img-src 'self' data: " + origin);
        }
        for (String origin : branding.styleOrigins()) {
            policy = policy.replace("; img-src", "; style-src 'self' " + origin + "; img-src");
        }
        return policy;
    }

    /** @param routes the server's routes (every path), or, mounted, the base path's (Plugboard's paths only) */
    void register(JavalinDefaultRoutingApi routes) {
        routes.before(this::apply);
    }

    private void apply(Context ctx) {
        if (isHostPath(ctx.path())) {
            set(ctx, hostPolicy);
        } else if (onAppPages) {
            set(ctx, appPolicy);
        }
    }

    private boolean isHostPath(String path) {
        String plugboardPath = WebPaths.plugboardPath(base, path);
        if (plugboardPath == null) {
            return false;
        }
        for (String prefix : PLUGBOARD_PATHS) {
            if (WebPaths.isUnder(plugboardPath, prefix)) {
                return true;
            }
        }
        return false;
    }

    private static void set(Context ctx, String policy) {
        set(ctx::header, policy);
    }

    /** The host's own headers, for answers made outside Javalin (Jetty's errors, see {@link JettyErrors}). */
    static void setHostHeaders(BiConsumer<String, String> header) {
        set(header, CONTENT_SECURITY_POLICY);
    }

    private static void set(BiConsumer<String, String> header, String policy) {
        header.accept("Content-Security-Policy", policy);
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Referrer-Policy", "same-origin");
    }
}
