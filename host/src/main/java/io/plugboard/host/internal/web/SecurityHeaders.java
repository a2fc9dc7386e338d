package io.plugboard.host.internal.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * Headers that keep the admin and the API out of frames, stop content sniffing and forbid scripts
 * from anywhere but the host itself (the admin has no inline script).
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private SecurityHeaders() {}

    static void register(RoutesConfig routes) {
        for (String path : new String[] {"/admin", "/admin/*", "/api/*"}) {
            routes.before(path, SecurityHeaders::apply);
        }
    }

    private static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
    }
}
