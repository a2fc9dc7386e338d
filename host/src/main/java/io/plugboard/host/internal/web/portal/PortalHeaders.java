package io.plugboard.host.internal.web.portal;

import io.javalin.http.Context;
import io.plugboard.host.internal.apps.Application;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The portal's security headers: the admin's strict set (no inline script or style, nothing from other sites
 * but the theme's logo), except that {@code frame-ancestors} lists the origins that may show the portal in an
 * {@code <iframe>} — the application's own, else the host-wide {@code portalFrameAncestors} — and
 * {@code X-Frame-Options: DENY} is sent only when none may (the header cannot name origins, and browsers that
 * know the CSP ignore it).
 */
final class PortalHeaders {

    private static final Pattern HTTPS_ORIGIN = Pattern.compile("https://[A-Za-z0-9.-]+(:[0-9]{1,5})?");

    private final List<String> hostFrameAncestors;
    private final PortalView view;

    /** @param hostFrameAncestors the host-wide origins, empty for none */
    PortalHeaders(List<String> hostFrameAncestors, PortalView view) {
        this.hostFrameAncestors = List.copyOf(hostFrameAncestors);
        this.view = view;
    }

    /** @param app the session's application, or null before there is one (the link, a refusal) */
    void set(Context ctx, Application app) {
        List<String> frames = app == null || app.frameAncestors() == null ? hostFrameAncestors : app.frameAncestors();
        String img = "'self' data:";
        String logo = app == null ? null : view.theme(app).logoUrl();
        if (logo != null) {
            String origin = origin(logo);
            img += origin == null ? "" : " " + origin;
        }
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src " + img + "; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors "
                + (frames.isEmpty() ? "'none'" : String.join(" ", frames)));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        if (frames.isEmpty()) {
            ctx.header("X-Frame-Options", "DENY");
        } else {
            ctx.res().setHeader("X-Frame-Options", null); // set by the host's headers before; removed here
        }
    }

    /** @return the URL's {@code https://host[:port]}, or null for anything that is not plainly one */
    private static String origin(String url) {
        int slash = url.indexOf('/', "https://".length());
        String origin = slash < 0 ? url : url.substring(0, slash);
        return HTTPS_ORIGIN.matcher(origin).matches() ? origin : null;
    }
}
