package io.plugboard.host.internal.web.portal;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.plugboard.host.internal.config.BasePath;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The portal's cookies, sent only under {@code /portal}: the session, and a one-time flash message. Over
 * HTTPS they are {@code SameSite=None; Secure}, so the portal works inside the embedder's {@code <iframe>} on
 * another site (forms carry the session's CSRF token, so a cross-site post is refused anyway); over plain
 * HTTP (development) {@code SameSite=Lax}. Never the admin's cookie names or path: neither session opens
 * the other's pages.
 */
final class PortalCookies {

    static final String SESSION = "plugboard_portal";
    private static final String FLASH = "plugboard_portal_flash";

    private final String path;

    PortalCookies(BasePath base) {
        this.path = base.url("/portal");
    }

    void setSession(Context ctx, String value) {
        ctx.cookie(cookie(ctx, SESSION, value));
    }

    String session(Context ctx) {
        return ctx.cookie(SESSION);
    }

    void clearSession(Context ctx) {
        ctx.removeCookie(SESSION, path);
    }

    void flash(Context ctx, String message) {
        ctx.cookie(cookie(ctx, FLASH, URLEncoder.encode(message, StandardCharsets.UTF_8)));
    }

    /** @return the flash message, once; null when there is none */
    String takeFlash(Context ctx) {
        String value = ctx.cookie(FLASH);
        if (value == null) {
            return null;
        }
        ctx.removeCookie(FLASH, path);
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private Cookie cookie(Context ctx, String name, String value) {
        Cookie c = new Cookie(name, value);
        c.setPath(path);
        c.setHttpOnly(true);
        boolean https = "https".equals(ctx.scheme());
        c.setSecure(https);
        c.setSameSite(https ? SameSite.NONE : SameSite.LAX);
        return c;
    }
}
