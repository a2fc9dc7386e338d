package io.plugboard.host.internal.web.portal;

import io.javalin.http.Context;
import io.plugboard.host.internal.apps.Application;
import io.plugboard.host.internal.apps.PortalTheme;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.config.BrandingConfig;
import io.plugboard.host.internal.web.http.SiteUrls;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a portal page in the portal's layout: the application's theme over the host's (site name, logo,
 * light or dark), its menu, the session's CSRF token and read-only state, and the flash message. Pages speak
 * Plugboard-relative paths; the templates put {@code {{base}}} before each.
 */
final class PortalView {

    /** The portal's menu: Plugboard-relative path, label, section key. */
    private static final List<String[]> MENU = List.of(new String[] {"/portal", "Endpoints", "endpoints"},
            new String[] {"/portal/event-types", "Event types", "events"},
            new String[] {"/portal/verify", "Verify signatures", "verify"});

    private final PortalTemplates templates = new PortalTemplates();
    private final BasePath base;
    private final PortalCookies cookies;
    private final PortalTheme hostTheme;

    /**
     * @param siteName the host's site name, the portal's title unless the application's theme names another
     * @param branding the admin's logo and colour, the portal's defaults too
     */
    PortalView(BasePath base, PortalCookies cookies, String siteName, BrandingConfig branding) {
        this.base = base;
        this.cookies = cookies;
        this.hostTheme = new PortalTheme(siteName, branding.logoUrl(), branding.primaryColor(), "auto");
    }

    /** @return the application's theme, each missing part the host's */
    PortalTheme theme(Application app) {
        return (app.theme() == null ? PortalTheme.NONE : app.theme()).over(hostTheme);
    }

    void render(Context ctx, String template, String section, String title, Map<String, Object> page) {
        Map<String, Object> model = layout(ctx, section, title);
        model.putAll(page);
        ctx.header("Cache-Control", "no-store");
        ctx.html(templates.render(template, model));
    }

    /** An error page in the portal's layout (without a session: without menu or theme of an application). */
    void error(Context ctx, int status, String title, String message) {
        Map<String, Object> model = ctx.attribute(PortalCaller.ATTRIBUTE) == null ? bare(title) : layout(ctx, "", title);
        model.put("status", status);
        model.put("message", message);
        ctx.status(status).header("Cache-Control", "no-store");
        ctx.html(templates.render("error", model));
    }

    /** Keeps a message for the page the redirect leads to, and redirects there. */
    void done(Context ctx, String message, String redirect) {
        cookies.flash(ctx, message);
        ctx.redirect(redirect);
    }

    String absoluteUrl(Context ctx, String plugboardPath) {
        return SiteUrls.absolute(ctx, base, plugboardPath);
    }

    private Map<String, Object> layout(Context ctx, String section, String title) {
        PortalCaller caller = PortalCaller.of(ctx);
        PortalTheme theme = theme(caller.app());
        Map<String, Object> model = bare(title);
        model.put("siteName", theme.siteName());
        model.put("logoUrl", theme.logoUrl());
        model.put("colorScheme", theme.colorScheme() == null ? "auto" : theme.colorScheme());
        model.put("themeCss", theme.primaryColor() != null);
        model.put("appName", caller.app().name());
        model.put("csrf", caller.session().csrfToken());
        model.put("readOnly", caller.readOnly());
        model.put("flash", cookies.takeFlash(ctx));
        model.put("menu", MENU.stream().map(m -> Map.of("href", m[0], "label", m[1],
                "current", m[2].equals(section) ? "page" : "")).toList());
        return model;
    }

    private Map<String, Object> bare(String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("base", base.url(""));
        model.put("title", title);
        model.put("siteName", hostTheme.siteName());
        model.put("colorScheme", "auto");
        return model;
    }
}
