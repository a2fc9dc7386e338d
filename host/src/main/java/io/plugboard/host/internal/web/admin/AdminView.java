package io.plugboard.host.internal.web.admin;

import io.javalin.http.Context;
import io.plugboard.host.internal.config.BasePath;
import io.plugboard.host.internal.config.BrandingConfig;
import io.plugboard.host.internal.config.SectionsConfig;
import io.plugboard.host.internal.hooks.HookRunner;
import io.plugboard.host.internal.web.http.SiteUrls;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Renders an admin page inside the shared layout, or, for htmx requests that ask for one, only a
 * fragment of it (plus the flash message, swapped in out of band).
 */
public final class AdminView {

    private final Templates templates;
    private final Layout layout;
    private final BasePath base;
    private final Flash flash;
    private final HookRunner hooks;

    /**
     * @param notice shown on every page, e.g. that the outbound guard is relaxed; null for none
     * @param base where the admin is: pages speak Plugboard-relative paths, and the templates put {@code {{base}}}
     *     before each
     * @param sections which optional sections are on: the others have no menu entry and no links
     * @param branding the logo, colour stylesheet, extra stylesheet and footer of every page
     * @param receiversAvailable whether a receiver plugin runs (the Inbound menu entry is shown only then)
     */
    public AdminView(Templates templates, String siteName, String version, String notice, HookRunner hooks,
                     BasePath base, SectionsConfig sections, BrandingConfig branding, BooleanSupplier receiversAvailable) {
        this.templates = templates;
        this.hooks = hooks;
        this.base = base;
        this.flash = new Flash(base);
        this.layout = new Layout(siteName, version, notice,
                new Navigation(Navigation.standard(sections), hooks, receiversAvailable), WebJarPaths.htmx(), base, flash,
                branding, sections, new HeadTags(hooks));
    }

    /** @return the hooks pages fire ({@code admin_home}, {@code webhook_form}, {@code admin_signed_in}) */
    HookRunner hooks() {
        return hooks;
    }

    /** @return where Plugboard is mounted, for cookie paths and the absolute URLs a page shows */
    BasePath base() {
        return base;
    }

    /** Keeps a one-time message for the page the redirect that follows leads to. */
    void flash(Context ctx, String message) {
        flash.set(ctx, message);
    }

    /** @return the absolute URL of a Plugboard-relative path, as this request addressed the host */
    String absoluteUrl(Context ctx, String plugboardPath) {
        return SiteUrls.absolute(ctx, base, plugboardPath);
    }

    /** @return true for a request htmx made to update part of a page (not a history restore) */
    static boolean htmx(Context ctx) {
        return "true".equals(ctx.header("HX-Request")) && !"true".equals(ctx.header("HX-History-Restore-Request"));
    }

    /**
     * @param section the menu entry to mark current
     * @param page the page's own values, added to the layout's
     */
    void render(Context ctx, String template, String section, String title, Map<String, Object> page) {
        Map<String, Object> model = layout.model(ctx, section, title);
        model.putAll(page);
        noStore(ctx);
        ctx.html(templates.render(template, model));
    }

    /** Renders only {@code template} (a partial of a page), followed by the flash region, out of band. */
    void fragment(Context ctx, String template, Map<String, Object> page) {
        Map<String, Object> model = layout.model(ctx, "", "");
        model.putAll(page);
        noStore(ctx);
        ctx.header("Vary", "HX-Request");
        ctx.html(templates.render(template, model) + templates.render("flash-oob", model));
    }

    /**
     * Ends an action: for htmx, the fragment in place with the message; otherwise the message for
     * the next page and a redirect, so the same action works without JavaScript.
     */
    void done(Context ctx, String message, String redirect, String fragment, Map<String, Object> page) {
        if (htmx(ctx)) {
            flash.now(ctx, message);
            fragment(ctx, fragment, page);
        } else {
            if (message != null) {
                flash.set(ctx, message);
            }
            ctx.redirect(redirect);
        }
    }

    private static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }
}
