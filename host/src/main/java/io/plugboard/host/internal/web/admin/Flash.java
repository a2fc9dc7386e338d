package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A one-time message shown on the next admin page after a redirect ("Webhook created."). */
final class Flash {

    private static final String COOKIE = "plugboard_flash";

    private Flash() {}

    static void set(Context ctx, String message) {
        Cookie cookie = new Cookie(COOKIE, URLEncoder.encode(message, StandardCharsets.UTF_8));
        cookie.setPath("/admin");
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.LAX);
        ctx.cookie(cookie);
    }

    /** @return the message, once; null when there is none */
    static String take(Context ctx) {
        String value = ctx.cookie(COOKIE);
        if (value == null) {
            return null;
        }
        ctx.removeCookie(COOKIE, "/admin");
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
