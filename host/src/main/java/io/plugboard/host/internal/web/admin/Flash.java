package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.plugboard.host.internal.config.BasePath;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A one-time message after an action ("Webhook created."): kept in a cookie for the page the
 * redirect leads to, or, for an htmx request answered in place, shown with the fragment at once.
 */
final class Flash {

    private static final String COOKIE = "plugboard_flash";
    private static final String NOW = "plugboard.flash";

    /** The admin's path, where the cookie is sent. */
    private final String path;

    Flash(BasePath base) {
        this.path = base.url("/admin");
    }

    void set(Context ctx, String message) {
        Cookie cookie = new Cookie(COOKIE, URLEncoder.encode(message, StandardCharsets.UTF_8));
        cookie.setPath(path);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        ctx.cookie(cookie);
    }

    /** For a response rendered in place: the message is shown by this response, not the next one. */
    void now(Context ctx, String message) {
        ctx.attribute(NOW, message);
    }

    /** @return the message, once; null when there is none */
    String take(Context ctx) {
        String now = ctx.attribute(NOW);
        if (now != null) {
            return now;
        }
        String value = ctx.cookie(COOKIE);
        if (value == null) {
            return null;
        }
        ctx.removeCookie(COOKIE, path);
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
